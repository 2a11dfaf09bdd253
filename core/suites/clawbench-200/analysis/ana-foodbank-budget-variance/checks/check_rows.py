"""reports/variance_2024Q2.csv: every program/line row with the right budget, actual,
variance, variance_pct and flag, in the budget file's order."""
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
    with open("reports/variance_2024Q2.csv", newline="", encoding="utf-8") as fh:
        got = list(csv.DictReader(fh))
except FileNotFoundError:
    verdict(False, "missing", "reports/variance_2024Q2.csv", "the variance file was not written")
keys = [(r.get("program"), r.get("line")) for r in got]
want = [(e[0], e[1]) for e in exp]
if keys != want:
    verdict(False, {"rows": len(keys), "missing": sorted(set(want) - set(keys)), "extra": sorted(set(keys) - set(want))},
            {"rows": len(want)}, "rows must be the program/line pairs with a Q2 budget or actual, in budget-file order")
for g, e in zip(got, exp):
    name = f"{e[0]}/{e[1]}"
    for col, val, tol in (("budget", e[2], 0.011), ("actual", e[3], 0.011), ("variance", e[4], 0.011), ("variance_pct", e[5], 0.051)):
        try:
            if abs(float(g[col]) - float(val)) > tol:
                verdict(False, {name: {col: g[col]}}, {name: {col: val}}, f"{name}: {col} differs")
        except (KeyError, TypeError, ValueError):
            verdict(False, {name: g}, {name: {col: val}}, f"{name}: {col} missing or not a number")
    if (g.get("flag") or "").strip() != e[6]:
        verdict(False, {name: g.get("flag")}, {name: e[6]}, f"{name}: flag differs")
verdict(True, f"{len(got)} rows", f"{len(exp)} rows", "every line matches")
