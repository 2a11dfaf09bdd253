"""config/meters.yaml parses; M-ADM-01 gains removed: 2024-06-19, M-ADM-02 is registered from
the work order; every other meter and key is unchanged."""
import datetime
import json
import sys

import yaml

BASE = [
    {"id": "M-LIB-01", "building": "Library", "multiplier": 1, "rollover_at": 100000, "installed": "2016-08-22"},
    {"id": "M-SCI-01", "building": "Science", "multiplier": 20, "rollover_at": 100000, "installed": "2019-01-14"},
    {"id": "M-SPT-01", "building": "Sports Hall", "multiplier": 1, "rollover_at": 1000000, "installed": "2021-09-01"},
    {"id": "M-ADM-01", "building": "Admin", "multiplier": 1, "rollover_at": 100000, "installed": "2012-03-05", "removed": "2024-06-19"},
    {"id": "M-ADM-02", "building": "Admin", "multiplier": 1, "rollover_at": 1000000, "installed": "2024-06-19"},
]


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}, default=str))
    sys.exit(0 if passed else 1)


def norm(x):
    if isinstance(x, dict):
        return {k: norm(v) for k, v in x.items()}
    if isinstance(x, list):
        return [norm(v) for v in x]
    if isinstance(x, (datetime.date, datetime.datetime)):
        return x.isoformat()[:10]
    return x


try:
    doc = norm(yaml.safe_load(open("config/meters.yaml", encoding="utf-8")))
except FileNotFoundError:
    verdict(False, "missing", "config/meters.yaml", "the meter config is gone")
except yaml.YAMLError as e:
    verdict(False, "unparsable", "valid YAML", f"meters.yaml no longer parses: {str(e).splitlines()[0]}")
if not isinstance(doc, dict) or set(doc) != {"emission_factor_kg_per_kwh", "meters"}:
    verdict(False, sorted(doc) if isinstance(doc, dict) else doc, ["emission_factor_kg_per_kwh", "meters"], "top-level keys changed")
if doc["emission_factor_kg_per_kwh"] != 0.20705:
    verdict(False, doc["emission_factor_kg_per_kwh"], 0.20705, "emission factor changed")
meters = doc["meters"] if isinstance(doc["meters"], list) else []
by_id = {m.get("id"): m for m in meters if isinstance(m, dict)}
if sorted(by_id) != sorted(m["id"] for m in BASE) or len(meters) != len(BASE):
    verdict(False, sorted(by_id), [m["id"] for m in BASE], "expected the four existing meters plus M-ADM-02, once each")
for want in BASE:
    got = by_id[want["id"]]
    if got != want:
        keys = sorted(set(got) | set(want))
        verdict(False, {want["id"]: {k: got.get(k) for k in keys if got.get(k) != want.get(k)}},
                {want["id"]: {k: want.get(k) for k in keys if got.get(k) != want.get(k)}}, f"{want['id']} is not as expected")
verdict(True, by_id["M-ADM-02"], BASE[-1], "meter swap recorded, everything else unchanged")
