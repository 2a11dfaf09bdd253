"""plan/q3-capacity.csv equals the expected table."""
import csv
import json
import os
import sys

here = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


want = [r for r in csv.reader(open(os.path.join(here, "expected_capacity.csv"), newline="")) if r]
try:
    got = [[c.strip() for c in r] for r in csv.reader(open("plan/q3-capacity.csv", newline="", encoding="utf-8")) if r]
except FileNotFoundError:
    verdict(False, "missing", "plan/q3-capacity.csv", "capacity table missing")
if got[:1] != want[:1] or [r[0] for r in got] != [r[0] for r in want]:
    verdict(False, got[:1] + [[r[0]] for r in got[1:]], want[:1] + [[r[0]] for r in want[1:]], "wrong header or team rows/order")
for g, e in zip(got[1:], want[1:]):
    for i, col in enumerate(want[0]):
        if i == 0:
            continue
        try:
            ok = abs(float(g[i]) - float(e[i])) < 0.001
        except (ValueError, IndexError):
            ok = False
        if not ok:
            verdict(False, {e[0]: {col: g[i] if i < len(g) else None}}, {e[0]: {col: e[i]}}, f"{e[0]}: {col} wrong")
verdict(True, [r[4] for r in got[1:]], [r[4] for r in want[1:]], "capacity table matches")
