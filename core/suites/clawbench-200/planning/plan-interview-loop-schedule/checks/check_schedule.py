"""hiring/onsite-2024-07-16.csv holds exactly the interviews the rules produce, in order."""
import csv
import json
import os
import sys

PATH = "hiring/onsite-2024-07-16.csv"
HEADER = ["candidate_id", "candidate", "interview", "start", "end", "interviewer", "room"]


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


want = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected.json")))["rows"]
if not os.path.isfile(PATH):
    verdict(False, "missing", PATH, f"{PATH} does not exist")
table = [[c.strip() for c in r] for r in csv.reader(open(PATH, newline="", encoding="utf-8")) if r]
if not table or table[0] != HEADER:
    verdict(False, table[:1], HEADER, "wrong header")
rows = table[1:]
if len(rows) != len(want):
    verdict(False, len(rows), len(want), "wrong number of scheduled interviews")
for g, e in zip(rows, want):
    if g != e:
        verdict(False, g, e, f"{e[0]} {e[2]} differs (slot, interviewer or room)")
verdict(True, len(rows), len(want), "schedule matches the rules")
