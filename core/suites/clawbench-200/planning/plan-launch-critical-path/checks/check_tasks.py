"""plan/tasks.csv: T-18 now waits for T-17b (per the changelog); every other cell unchanged."""
import csv
import json
import os
import sys

here = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


orig = list(csv.reader(open(os.path.join(here, "tasks.orig.csv"), newline="")))
want = [r[:] for r in orig]
for r in want:
    if r[0] == "T-18":
        r[4] = "T-17b"
try:
    got = [r for r in csv.reader(open("plan/tasks.csv", newline="", encoding="utf-8")) if r]
except FileNotFoundError:
    verdict(False, "missing", "plan/tasks.csv", "tasks.csv is gone")
t18 = next((r for r in got if r and r[0] == "T-18"), None)
if t18 is None or t18[4] != "T-17b":
    verdict(False, t18, next(r for r in want if r[0] == "T-18"), "T-18 must depend on T-17b (the pilot run), as the changelog says")
if got != want:
    diff = [g for g, w in zip(got, want) if g != w] or f"{len(got)} rows"
    verdict(False, diff, "only T-18's depends_on changed", "other tasks.csv cells changed")
verdict(True, t18, t18, "dependency repaired, nothing else changed")
