"""review/actions-2024-Q2.csv: every action of the review, exact fields, in document order with
transfers first and share actions in share order."""
import csv
import json
import os
import sys

PATH = "review/actions-2024-Q2.csv"
HEADER = ["doc_id", "action", "principal", "old_value", "new_value", "rule"]
CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


want = json.load(open(os.path.join(CHECKS, "expected_actions.json"), encoding="utf-8"))
if not os.path.isfile(PATH):
    verdict(False, "missing", f"{len(want)} rows", f"{PATH} does not exist")
with open(PATH, newline="", encoding="utf-8") as fh:
    table = [[c.strip() for c in row] for row in csv.reader(fh) if row]
header, rows = (table[0], table[1:]) if table else ([], [])
if header != HEADER:
    verdict(False, header, HEADER, "wrong header")
key = lambda r: tuple(r[:3])
if sorted(map(key, rows)) != sorted(map(key, want)):
    verdict(False, {"extra": sorted(set(map(key, rows)) - set(map(key, want)))},
            {"missing": sorted(set(map(key, want)) - set(map(key, rows)))}, "the set of actions is wrong")
for i, (g, e) in enumerate(zip(rows, want), start=2):
    if g != e:
        verdict(False, g, e, f"line {i} differs (fields or order)")
verdict(True, f"{len(rows)} actions", f"{len(want)} actions", "actions match")
