"""kb/review-queue-2024-07.csv has exactly the expected rows in the policy's order."""
import csv
import json
import os
import sys

PATH = "kb/review-queue-2024-07.csv"
HEADER = ["article_id", "title", "path", "owner", "tier", "due_date", "days_overdue", "state"]


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


want = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected_queue.json")))["rows"]
if not os.path.isfile(PATH):
    verdict(False, "missing", PATH, f"{PATH} does not exist")
table = [[c.strip() for c in r] for r in csv.reader(open(PATH, newline="", encoding="utf-8")) if r]
if not table or table[0] != HEADER:
    verdict(False, table[:1], HEADER, "wrong header")
rows = table[1:]
if [r[0] for r in rows] != [r[0] for r in want]:
    verdict(False, [r[0] for r in rows], [r[0] for r in want], "wrong articles or wrong order")
for g, e in zip(rows, want):
    if g != e:
        verdict(False, g, e, f"{e[0]} differs")
verdict(True, len(rows), len(want), "queue matches")
