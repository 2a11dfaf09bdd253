"""Every open action item of the week, in the required order, with exact field values."""
import csv
import json
import os
import sys

PATH = "tracker/open_actions.csv"


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


expected = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected_rows.json")))
if not os.path.isfile(PATH):
    verdict(False, "missing", f"{len(expected)} rows", f"{PATH} does not exist")
with open(PATH, newline="", encoding="utf-8") as fh:
    table = [[cell.strip() for cell in row] for row in csv.reader(fh) if row]
header, rows = (table[0], table[1:]) if table else ([], [])
if header != ["meeting_date", "owner", "email", "task", "due"]:
    verdict(False, header, ["meeting_date", "owner", "email", "task", "due"], "wrong header")
if len(rows) != len(expected):
    verdict(False, f"{len(rows)} rows", f"{len(expected)} rows", "wrong number of action items")
for i, (got, want) in enumerate(zip(rows, expected), start=2):
    if got != want:
        verdict(False, got, want, f"line {i} differs (rows must be in meeting-date order, then note order)")
verdict(True, f"{len(rows)} rows", f"{len(expected)} rows", "all rows match")
