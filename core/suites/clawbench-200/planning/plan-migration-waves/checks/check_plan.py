"""migration/waves.yaml and migration/schedule.csv hold the expected plan."""
import csv
import datetime
import json
import os
import sys

import yaml

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}, default=str))
    sys.exit(0 if passed else 1)


def plain(v):
    if isinstance(v, dict):
        return {k: plain(x) for k, x in v.items()}
    if isinstance(v, list):
        return [plain(x) for x in v]
    return v.isoformat() if isinstance(v, datetime.date) else v


want = json.load(open(os.path.join(CHECKS, "expected_waves.json")))
try:
    got = plain(yaml.safe_load(open("migration/waves.yaml", encoding="utf-8")))
except FileNotFoundError:
    verdict(False, "missing", "present", "migration/waves.yaml does not exist")
except yaml.YAMLError as e:
    verdict(False, "invalid YAML", "valid YAML", str(e).splitlines()[0])
if got != want:
    g = got.get("waves") if isinstance(got, dict) else got
    verdict(False, [(w.get("date"), w.get("services")) for w in g] if isinstance(g, list) else g,
            [(w["date"], w["services"]) for w in want["waves"]], "waves.yaml is not the expected plan")
with open(os.path.join(CHECKS, "expected_schedule.csv"), newline="", encoding="utf-8") as fh:
    want_rows = list(csv.reader(fh))
try:
    with open("migration/schedule.csv", newline="", encoding="utf-8") as fh:
        rows = [[c.strip() for c in r] for r in csv.reader(fh) if r]
except FileNotFoundError:
    verdict(False, "missing", "present", "migration/schedule.csv does not exist")
if rows != want_rows:
    verdict(False, rows[:3], want_rows[:3], "schedule.csv is not the expected schedule")
verdict(True, f"{len(want['waves'])} waves", f"{len(want['waves'])} waves", "plan and schedule match")
