"""out/consumption_2024-06.csv: one row per building, alphabetical, kWh and kgCO2e exact to 0.1."""
import csv
import json
import os
import sys

PATH = "out/consumption_2024-06.csv"
CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


expected = json.load(open(os.path.join(CHECKS, "expected_rows.json")))
if not os.path.isfile(PATH):
    verdict(False, "missing", PATH, f"{PATH} does not exist")
with open(PATH, newline="", encoding="utf-8") as fh:
    table = [[c.strip() for c in row] for row in csv.reader(fh) if row]
if not table or table[0] != ["building", "kwh", "kgco2e"]:
    verdict(False, table[0] if table else [], ["building", "kwh", "kgco2e"], "wrong header")
rows = table[1:]
if [r[0] for r in rows] != [e[0] for e in expected]:
    verdict(False, [r[0] for r in rows], [e[0] for e in expected], "one row per building, alphabetical")
for got, want in zip(rows, expected):
    try:
        ok = abs(float(got[1]) - want[1]) <= 0.051 and abs(float(got[2]) - want[2]) <= 0.051
    except (ValueError, IndexError):
        ok = False
    if not ok:
        verdict(False, got, want, f"{want[0]} differs")
verdict(True, f"{len(rows)} buildings", f"{len(expected)} buildings", "consumption and emissions match")
