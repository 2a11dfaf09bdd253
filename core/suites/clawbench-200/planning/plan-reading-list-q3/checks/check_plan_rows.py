"""reading/plan-2024-Q3.csv holds exactly the expected plan rows, in order."""
import csv
import json
import os
import sys

PATH = "reading/plan-2024-Q3.csv"
HEADER = ["order", "id", "title", "hours", "start_week", "end_week", "start_date"]
NUMERIC = {"order", "hours", "start_week", "end_week"}


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


def norm(col, value):
    value = value.strip()
    if col in NUMERIC:
        try:
            f = float(value)
            return str(int(f)) if f == int(f) else value
        except ValueError:
            return value
    return value


want = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected.json")))["plan"]
if not os.path.isfile(PATH):
    verdict(False, "missing", f"{len(want)} rows", f"{PATH} does not exist")
with open(PATH, newline="", encoding="utf-8") as fh:
    table = [row for row in csv.reader(fh) if row]
if not table or [h.strip() for h in table[0]] != HEADER:
    verdict(False, table[0] if table else [], HEADER, "wrong header")
rows = [[norm(c, v) for c, v in zip(HEADER, r)] for r in table[1:]]
if len(rows) != len(want):
    verdict(False, [r[1] for r in rows if len(r) > 1], [w[1] for w in want], "wrong set of planned items")
for i, (got, exp) in enumerate(zip(rows, want), start=2):
    if got != exp:
        verdict(False, got, exp, f"line {i} differs")
verdict(True, f"{len(rows)} rows", f"{len(want)} rows", "plan rows match")
