"""plan/schedule.csv is the schedule SCHEDULING.md gives for the repaired plan."""
import csv
import json
import os
import sys

here = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


want = [r for r in csv.reader(open(os.path.join(here, "expected_schedule.csv"), newline="")) if r]
try:
    got = [[c.strip() for c in r] for r in csv.reader(open("plan/schedule.csv", newline="", encoding="utf-8")) if r]
except FileNotFoundError:
    verdict(False, "missing", "plan/schedule.csv", "no schedule")
if got[:1] != want[:1] or [r[0] for r in got] != [r[0] for r in want]:
    verdict(False, [r[0] for r in got], [r[0] for r in want], "wrong header or task list (T-17 split into T-17a/T-17b)")
for g, w in zip(got[1:], want[1:]):
    if g != w:
        verdict(False, g, w, f"{w[0]} differs")
verdict(True, len(got) - 1, len(want) - 1, "schedule matches")
