"""audit/disputes-PN-INV-240688.csv lists exactly the expected disputes, in invoice line order."""
import csv
import json
import os
import sys

PATH = "audit/disputes-PN-INV-240688.csv"
COLS = ["line", "shipment_id", "reason", "invoiced_eur", "expected_eur", "difference_eur"]


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


here = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__))
want = list(csv.DictReader(open(os.path.join(here, "expected_disputes.csv"), newline="")))
if not os.path.isfile(PATH):
    verdict(False, "missing", PATH, f"{PATH} does not exist")
with open(PATH, newline="", encoding="utf-8") as fh:
    reader = csv.DictReader(fh)
    if reader.fieldnames != COLS:
        verdict(False, reader.fieldnames, COLS, "wrong columns")
    got = list(reader)
key = lambda r: (r["line"].strip(), r["shipment_id"].strip(), r["reason"].strip())
if [key(r) for r in got] != [key(r) for r in want]:
    verdict(False, [key(r) for r in got], [key(r) for r in want], "disputed lines / reasons / order differ")
for g, e in zip(got, want):
    for col in COLS[3:]:
        try:
            ok = abs(float(g[col]) - float(e[col])) <= 0.005
        except ValueError:
            ok = False
        if not ok:
            verdict(False, {g["line"]: {col: g[col]}}, {e["line"]: {col: e[col]}}, f"line {e['line']}: {col} wrong")
verdict(True, len(got), len(want), "dispute list matches")
