"""analysis/churn_daily_2024-06.csv: every June day with voluntary / involuntary / total cancellations."""
import csv
import json
import os
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


exp = json.load(open(os.path.join(CHECKS, "expected.json")))["rows"]
try:
    with open("analysis/churn_daily_2024-06.csv", newline="", encoding="utf-8") as fh:
        got = list(csv.DictReader(fh))
except FileNotFoundError:
    verdict(False, "missing", "analysis/churn_daily_2024-06.csv", "the daily file was not written")
if [(r.get("date") or "").strip() for r in got] != [e[0] for e in exp]:
    verdict(False, [r.get("date") for r in got][:5], [e[0] for e in exp][:5], "one row per June day, in date order")
for g, (d, v, i, t) in zip(got, exp):
    try:
        obs = [int(float(g["voluntary_cancels"])), int(float(g["involuntary_cancels"])), int(float(g["total_cancels"]))]
    except (KeyError, TypeError, ValueError):
        verdict(False, {d: g}, {d: [v, i, t]}, f"{d}: counts missing")
    if obs != [v, i, t]:
        verdict(False, {d: obs}, {d: [v, i, t]}, f"{d}: counts differ")
verdict(True, "30 days", "30 days", "daily counts right")
