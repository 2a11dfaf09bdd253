"""out/dock-schedule-2024-07-22.csv or out/waitlist-2024-07-22.csv equals the expected file."""
import csv
import json
import os
import sys

here = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__))
which = sys.argv[1]
path = f"out/{which}-2024-07-22.csv"
exp = {"dock-schedule": "expected_schedule.csv", "waitlist": "expected_waitlist.csv"}[which]


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


want = [r for r in csv.reader(open(os.path.join(here, exp), newline="")) if r]
try:
    got = [[c.strip() for c in r] for r in csv.reader(open(path, newline="", encoding="utf-8")) if r]
except FileNotFoundError:
    verdict(False, "missing", path, f"{path} does not exist")
if got[:1] != want[:1]:
    verdict(False, got[:1], want[:1], "wrong header")
if len(got) != len(want):
    verdict(False, [r[0] for r in got[1:]], [r[0] for r in want[1:]], "wrong set of requests")
for g, e in zip(got[1:], want[1:]):
    if g != e:
        verdict(False, g, e, "row differs (door, times or order)")
verdict(True, len(got) - 1, len(want) - 1, f"{path} matches")
