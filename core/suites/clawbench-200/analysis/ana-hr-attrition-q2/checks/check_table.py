"""reports/attrition-2024-Q2.csv: exactly the expected department rows (alphabetical) and TOTAL."""
import csv
import json
import os
import sys

PATH = "reports/attrition-2024-Q2.csv"
HEADER = ["department", "headcount_start", "headcount_end", "avg_headcount", "leavers_voluntary",
          "leavers_involuntary", "attrition_pct", "attrition_annualized_pct"]


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


want = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected.json")))["rows"]
if not os.path.isfile(PATH):
    verdict(False, "missing", PATH, f"{PATH} does not exist")
with open(PATH, newline="", encoding="utf-8") as fh:
    table = [[c.strip() for c in r] for r in csv.reader(fh) if r]
if not table or table[0] != HEADER:
    verdict(False, table[:1], HEADER, "wrong header")
rows = table[1:]
if [r[0] for r in rows] != [r[0] for r in want]:
    verdict(False, [r[0] for r in rows], [r[0] for r in want], "department rows missing/extra or not alphabetical with TOTAL last")
for g, e in zip(rows, want):
    for i, col in enumerate(HEADER[1:], start=1):
        try:
            ok = abs(float(g[i]) - float(e[i])) < 0.051
        except (ValueError, IndexError):
            ok = False
        if not ok:
            verdict(False, {e[0]: {col: g[i] if i < len(g) else None}}, {e[0]: {col: e[i]}}, f"{e[0]}: {col} is wrong")
verdict(True, rows[-1], want[-1], "all department rows and the total match")
