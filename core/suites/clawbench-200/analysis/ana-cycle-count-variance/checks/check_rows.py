"""The exceptions CSV holds exactly the expected SKUs with exact quantities and values, largest loss first."""
import csv
import json
import os
import sys

PATH = "out/variance_exceptions_2024-06-28.csv"
HEADER = ["sku", "description", "system_qty", "counted_qty", "variance_qty", "variance_value_eur"]
CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


expected = json.load(open(os.path.join(CHECKS, "expected_rows.json")))
if not os.path.isfile(PATH):
    verdict(False, "missing", PATH, f"{PATH} does not exist")
with open(PATH, newline="", encoding="utf-8") as fh:
    table = [[c.strip() for c in row] for row in csv.reader(fh) if row]
if not table or table[0] != HEADER:
    verdict(False, table[0] if table else [], HEADER, "wrong header")
rows = table[1:]
got_skus, want_skus = [r[0] for r in rows], [e[0] for e in expected]
if got_skus != want_skus:
    if sorted(got_skus) == sorted(want_skus):
        verdict(False, got_skus, want_skus, "right SKUs, wrong order (variance_value_eur ascending, then sku)")
    verdict(False, {"extra": sorted(set(got_skus) - set(want_skus)), "missing": sorted(set(want_skus) - set(got_skus))},
            {"count": len(want_skus)}, "wrong set of exception SKUs")
for got, want in zip(rows, expected):
    try:
        ok = (got[0] == want[0] and got[1] == want[1] and int(got[2]) == want[2] and int(got[3]) == want[3]
              and int(got[4]) == want[4] and abs(float(got[5]) - float(want[5])) < 0.005)
    except (ValueError, IndexError):
        ok = False
    if not ok:
        verdict(False, got, want, f"{want[0]} differs")
verdict(True, f"{len(rows)} exceptions", f"{len(expected)} exceptions", "exceptions match")
