"""compliance/allergen-matrix.csv: one row per menu dish in menu order, policy column order, Y/M/empty cells."""
import csv
import json
import os
import sys

PATH = "compliance/allergen-matrix.csv"
ORDER = ["Ce", "Gl", "Cr", "Eg", "Fi", "Lu", "Mi", "Mo", "Mu", "Nu", "Pe", "Se", "So", "Su"]


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}, ensure_ascii=False))
    sys.exit(0 if passed else 1)


exp = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected.json"), encoding="utf-8"))
try:
    rows = [r for r in csv.reader(open(PATH, newline="", encoding="utf-8")) if r]
except FileNotFoundError:
    verdict(False, "missing", PATH, f"{PATH} does not exist")
if rows[0] != ["dish"] + ORDER:
    verdict(False, rows[0], ["dish"] + ORDER, "header must be dish then the 14 codes in policy order")
want = [[n] + ["Y" if x in c else "M" if x in m else "" for x in ORDER] for n, (c, m) in exp.items()]
got = [[cell.strip() for cell in r] for r in rows[1:]]
if len(got) != len(want):
    verdict(False, len(got), len(want), "one row per menu dish")
for g, e in zip(got, want):
    if g != e:
        verdict(False, g, e, f"row for {e[0]} differs (or rows out of menu order)")
verdict(True, len(got), len(want), "matrix matches")
