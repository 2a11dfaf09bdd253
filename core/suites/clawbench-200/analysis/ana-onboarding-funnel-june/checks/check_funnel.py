"""The funnel CSV has exactly the expected five rows (counts and 1-decimal percentages)."""
import csv
import json
import os
import sys

PATH = "reports/onboarding-funnel-2024-06.csv"


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


want = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected_funnel.json")))
if not os.path.isfile(PATH):
    verdict(False, "missing", PATH, f"{PATH} does not exist")
with open(PATH, newline="", encoding="utf-8") as fh:
    table = [[c.strip() for c in row] for row in csv.reader(fh) if row]
if not table or table[0] != want["header"]:
    verdict(False, table[:1], want["header"], "wrong header")
rows = table[1:]
if len(rows) != len(want["rows"]):
    verdict(False, len(rows), len(want["rows"]), "wrong number of steps")
for got, exp in zip(rows, want["rows"]):
    if got[:3] != exp[:3]:
        verdict(False, got, exp, f"step {exp[0]} ({exp[1]}): wrong step/event/users")
    for i in (3, 4):
        try:
            ok = abs(float(got[i]) - float(exp[i])) < 0.051 and len(got[i].split(".")[-1]) == 1
        except ValueError:
            ok = False
        if not ok:
            verdict(False, got, exp, f"step {exp[0]} ({exp[1]}): {want['header'][i]} must be {exp[i]} (1 decimal)")
verdict(True, [r[2] for r in rows], [r[2] for r in want["rows"]], "all five steps match")
