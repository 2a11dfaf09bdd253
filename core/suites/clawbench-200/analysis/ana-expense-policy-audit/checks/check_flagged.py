"""audit/flagged_claims_2024-q2.csv lists exactly the flagged claim lines, in claim_id order,
with EUR amounts, caps and reasons as the policy defines them."""
import csv
import json
import os
import sys

PATH = "audit/flagged_claims_2024-q2.csv"
HEADER = ["claim_id", "employee_id", "category", "amount_eur", "cap_eur", "reasons"]
CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


expected = json.load(open(os.path.join(CHECKS, "expected_flagged.json")))
if not os.path.isfile(PATH):
    verdict(False, "missing", PATH, f"{PATH} does not exist")
with open(PATH, newline="", encoding="utf-8") as fh:
    table = [[c.strip() for c in row] for row in csv.reader(fh) if row]
if not table or table[0] != HEADER:
    verdict(False, table[0] if table else [], HEADER, "wrong header")
rows = table[1:]
if [r[0] for r in rows] != [e[0] for e in expected]:
    got, want = [r[0] for r in rows], [e[0] for e in expected]
    verdict(False, {"extra": sorted(set(got) - set(want)), "missing": sorted(set(want) - set(got)), "count": len(got)},
            {"count": len(want)}, "wrong set or order of flagged claims (claim_id ascending)")
for got, want in zip(rows, expected):
    if len(got) != len(HEADER):
        verdict(False, got, want, f"{want[0]}: wrong number of fields")
    same = got[:3] == want[:3] and got[5] == want[5] and got[4] == want[4]
    try:
        same = same and abs(float(got[3]) - float(want[3])) < 0.005
    except ValueError:
        same = False
    if not same:
        verdict(False, got, want, f"{want[0]} differs")
verdict(True, f"{len(rows)} flagged", f"{len(expected)} flagged", "flagged list matches the policy")
