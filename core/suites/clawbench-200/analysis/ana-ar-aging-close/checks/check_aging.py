"""ar/aging_2024-06-30.csv has exactly the expected rows (to the cent)."""
import csv
import json
import os
import sys

PATH = "ar/aging_2024-06-30.csv"


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


here = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__))
want = list(csv.DictReader(open(os.path.join(here, "expected_aging.csv"), newline="")))
if not os.path.isfile(PATH):
    verdict(False, "missing", PATH, f"{PATH} does not exist")
reader = csv.DictReader(open(PATH, newline="", encoding="utf-8"))
cols = list(want[0].keys())
if reader.fieldnames != cols:
    verdict(False, reader.fieldnames, cols, "wrong columns")
got = [r for r in reader if any((v or "").strip() for v in r.values())]
if [r["customer_id"].strip() for r in got] != [r["customer_id"] for r in want]:
    verdict(False, [r["customer_id"] for r in got], [r["customer_id"] for r in want], "one row per customer sorted by id, then TOTAL")
for g, e in zip(got, want):
    for c in cols[2:]:
        try:
            ok = abs(float(g[c]) - float(e[c])) <= 0.005
        except (TypeError, ValueError):
            ok = False
        if not ok:
            verdict(False, {e["customer_id"]: {c: g[c]}}, {e["customer_id"]: {c: e[c]}}, f"{e['customer_id']}: {c} is wrong")
verdict(True, got[-1]["total_open"], want[-1]["total_open"], "aging matches to the cent")
