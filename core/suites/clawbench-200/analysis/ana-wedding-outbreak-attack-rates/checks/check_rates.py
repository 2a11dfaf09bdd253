"""analysis/food_attack_rates.csv: every menu item's 2x2 counts, attack rates and risk
ratio per protocol v1.1, in risk-ratio order."""
import csv
import json
import os
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


exp = json.load(open(os.path.join(CHECKS, "expected_rates.json"), encoding="utf-8"))
try:
    with open("analysis/food_attack_rates.csv", newline="", encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
except FileNotFoundError:
    verdict(False, "missing", "analysis/food_attack_rates.csv", "the food table was not written")
if not rows or [c.strip() for c in rows[0]] != exp["columns"]:
    verdict(False, rows[0] if rows else None, exp["columns"], "header must be exactly the requested columns")
body = [[c.strip() for c in r] for r in rows[1:] if any(c.strip() for c in r)]
codes = [r[0] for r in body]
want_codes = [r[0] for r in exp["rows"]]
if codes != want_codes:
    verdict(False, codes, want_codes, "one row per menu item, sorted by risk ratio (highest first)")

NUMERIC = {2: 0, 3: 0, 4: 0.05, 5: 0, 6: 0, 7: 0.05, 8: 0.005}
problems = []
for got, want in zip(body, exp["rows"]):
    if len(got) != len(want):
        problems.append({got[0]: "wrong number of fields"})
        continue
    if got[1] != want[1]:
        problems.append({got[0]: {"food": got[1], "expected": want[1]}})
    for i, tol in NUMERIC.items():
        try:
            ok = abs(float(got[i]) - float(want[i])) <= tol + 1e-9
        except ValueError:
            ok = False
        if not ok:
            problems.append({got[0]: {exp["columns"][i]: got[i], "expected": want[i]}})
if problems:
    verdict(False, problems[:6], "values per protocol v1.1", f"{len(problems)} value(s) differ")
verdict(True, f"{len(body)} items match", "all items", "food table matches")
