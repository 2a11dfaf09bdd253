"""config/cycle_count.yaml still parses, last_count_date moved to 2024-06-28, nothing else changed."""
import datetime
import json
import sys

import yaml

EXPECTED = {
    "warehouse": "PRT-1",
    "count_zones": ["A", "B"],
    "tolerance_pct": 2.0,
    "min_abs_value_eur": 50,
    "last_count_date": "2024-06-28",
    "report_owner": "rui.carvalho@lumenhome.example",
    "notify": ["ops-leads@lumenhome.example", "finance-close@lumenhome.example"],
    "adjustments": {"auto_post": False, "approver": "finance-close@lumenhome.example"},
}


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}, default=str))
    sys.exit(0 if passed else 1)


try:
    doc = yaml.safe_load(open("config/cycle_count.yaml", encoding="utf-8"))
except FileNotFoundError:
    verdict(False, "missing", "config/cycle_count.yaml", "the config is gone")
except yaml.YAMLError as e:
    verdict(False, "unparsable", "valid YAML", f"config no longer parses: {str(e).splitlines()[0]}")
if not isinstance(doc, dict):
    verdict(False, type(doc).__name__, "mapping", "config is not a mapping")
if isinstance(doc.get("last_count_date"), (datetime.date, datetime.datetime)):
    doc["last_count_date"] = doc["last_count_date"].isoformat()[:10]
if doc != EXPECTED:
    keys = sorted(set(doc) | set(EXPECTED))
    diff = {k: doc.get(k) for k in keys if doc.get(k) != EXPECTED.get(k)}
    verdict(False, diff, {k: EXPECTED.get(k) for k in diff}, "only last_count_date may change (to 2024-06-28)")
verdict(True, doc["last_count_date"], "2024-06-28", "config updated, all other keys unchanged")
