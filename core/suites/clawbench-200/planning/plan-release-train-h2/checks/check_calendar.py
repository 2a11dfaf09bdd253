"""release/calendar-2024-H2.csv: every train with the right version, freeze, cut, ship and captain."""
import csv
import json
import os
import sys

PATH = "release/calendar-2024-H2.csv"
HEADER = ["version", "freeze", "cut", "ship", "captain"]


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


want = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected.json")))
if not os.path.isfile(PATH):
    verdict(False, "missing", f"{len(want)} trains", f"{PATH} does not exist")
with open(PATH, newline="", encoding="utf-8") as fh:
    table = [[c.strip() for c in row] for row in csv.reader(fh) if row]
if not table or table[0] != HEADER:
    verdict(False, table[0] if table else [], HEADER, "wrong header")
rows = table[1:]
if [r[0] for r in rows] != [w[0] for w in want]:
    verdict(False, [r[0] for r in rows], [w[0] for w in want], "wrong set or order of trains")
bad = [(r, w) for r, w in zip(rows, want) if r != w]
if bad:
    verdict(False, [b[0] for b in bad][:4], [b[1] for b in bad][:4], f"{len(bad)} train(s) have wrong dates or captain")
verdict(True, f"{len(rows)} trains", f"{len(want)} trains", "calendar matches PROCESS.md")
