"""out/mrr_bridge_2024-06.csv: the seven components in order with the exact customer counts and
amounts, adding up from opening to closing."""
import csv
import json
import os
import sys

PATH = "out/mrr_bridge_2024-06.csv"
CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


expected = json.load(open(os.path.join(CHECKS, "expected_bridge.json")))["rows"]
if not os.path.isfile(PATH):
    verdict(False, "missing", PATH, f"{PATH} does not exist")
with open(PATH, newline="", encoding="utf-8") as fh:
    table = [[c.strip() for c in row] for row in csv.reader(fh) if row]
if not table or table[0] != ["component", "customers", "mrr_usd"]:
    verdict(False, table[0] if table else [], ["component", "customers", "mrr_usd"], "wrong header")
rows = table[1:]
if [r[0] for r in rows] != [e[0] for e in expected]:
    verdict(False, [r[0] for r in rows], [e[0] for e in expected], "components missing or out of order")
for got, want in zip(rows, expected):
    try:
        ok = int(got[1]) == want[1] and abs(float(got[2]) - float(want[2])) < 0.005
    except (ValueError, IndexError):
        ok = False
    if not ok:
        verdict(False, got, want, f"component {want[0]} differs")
verdict(True, "7 components", "7 components", "bridge matches the metric definitions")
