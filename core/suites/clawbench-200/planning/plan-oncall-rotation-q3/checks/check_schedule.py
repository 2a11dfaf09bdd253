"""oncall/schedule-2024-Q3.csv has the 13 expected weeks with the right primary and secondary."""
import csv
import json
import os
import sys

PATH = "oncall/schedule-2024-Q3.csv"


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


want = [list(r) for r in json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected.json")))["schedule"]]
if not os.path.isfile(PATH):
    verdict(False, "missing", f"{len(want)} weeks", f"{PATH} does not exist")
with open(PATH, newline="", encoding="utf-8") as fh:
    table = [[c.strip() for c in row] for row in csv.reader(fh) if row]
if not table or table[0] != ["week_start", "primary", "secondary"]:
    verdict(False, table[0] if table else [], ["week_start", "primary", "secondary"], "wrong header")
rows = table[1:]
if [r[0] for r in rows] != [w[0] for w in want]:
    verdict(False, [r[0] for r in rows], [w[0] for w in want], "the schedule must list the 13 Mondays 2024-07-01..2024-09-23 in order")
bad = [(r, w) for r, w in zip(rows, want) if r != w]
if bad:
    verdict(False, [b[0] for b in bad], [b[1] for b in bad], f"{len(bad)} week(s) have the wrong primary or secondary")
verdict(True, f"{len(rows)} weeks", f"{len(want)} weeks", "schedule matches the rules")
