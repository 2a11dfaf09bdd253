"""offsite/conflicts.csv holds exactly the expected conflict rows, in the required order."""
import csv
import json
import os
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
PATH = "offsite/conflicts.csv"
HEADER = ["type", "session", "other_session", "detail"]


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


want = json.load(open(os.path.join(CHECKS, "expected.json")))["rows"]
if not os.path.isfile(PATH):
    verdict(False, "missing", f"{len(want)} rows", f"{PATH} does not exist")
with open(PATH, newline="", encoding="utf-8") as fh:
    table = [[c.strip() for c in row] for row in csv.reader(fh) if row]
if not table or table[0] != HEADER:
    verdict(False, table[0] if table else [], HEADER, "wrong header")
rows = table[1:]
if sorted(map(tuple, rows)) != sorted(map(tuple, want)):
    extra = [r for r in rows if r not in want]
    missing = [w for w in want if w not in rows]
    verdict(False, {"extra": extra[:4]}, {"missing": missing[:4]}, "the conflict rows differ")
if rows != want:
    verdict(False, [r[:3] for r in rows], [w[:3] for w in want], "rows are not sorted by type, session, other_session")
verdict(True, f"{len(rows)} rows", f"{len(want)} rows", "conflicts match the checklist")
