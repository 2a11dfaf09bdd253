"""reading/queue.csv: the planned items are marked planned-q3 and nothing else changed
(same header, same rows in the same order, every other field untouched)."""
import csv
import json
import os
import sys

PATH = "reading/queue.csv"


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


want = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected.json")))["queue"]
header = ["id", "title", "author", "format", "length", "priority", "status", "added"]
if not os.path.isfile(PATH):
    verdict(False, "missing", "present", f"{PATH} was removed")
with open(PATH, newline="", encoding="utf-8") as fh:
    table = [[c.strip() for c in row] for row in csv.reader(fh) if row]
if not table or table[0] != header:
    verdict(False, table[0] if table else [], header, "the queue header changed")
rows = table[1:]
if [r[0] for r in rows] != [w[0] for w in want]:
    verdict(False, [r[0] for r in rows], [w[0] for w in want], "rows were added, removed or reordered")
for got, exp in zip(rows, want):
    if got != exp:
        verdict(False, got, exp, f"row {exp[0]} is not as expected (only planned items change, and only their status)")
planned = [r[0] for r in rows if r[6] == "planned-q3"]
verdict(True, planned, planned, "queue statuses updated, everything else unchanged")
