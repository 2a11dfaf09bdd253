"""triage/index.csv: one row per message, sorted by file, lower-case From address, decoded and
unfolded subject, label and name of the first matching rule."""
import csv
import json
import os
import sys

PATH = "triage/index.csv"
HEADER = ["file", "from", "subject", "label", "rule"]
CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}, ensure_ascii=False))
    sys.exit(0 if passed else 1)


want = json.load(open(os.path.join(CHECKS, "expected_index.json"), encoding="utf-8"))["rows"]
if not os.path.isfile(PATH):
    verdict(False, "missing", f"{len(want)} rows", f"{PATH} does not exist")
with open(PATH, newline="", encoding="utf-8") as fh:
    table = [[c.strip() for c in row] for row in csv.reader(fh) if row]
header, rows = (table[0], table[1:]) if table else ([], [])
if header != HEADER:
    verdict(False, header, HEADER, "wrong header")
if [r[0] for r in rows] != [r[0] for r in want]:
    verdict(False, [r[0] for r in rows], [r[0] for r in want], "one row per message, sorted by file name")
for g, e in zip(rows, want):
    if g != e:
        verdict(False, g, e, f"row for {e[0]} differs")
verdict(True, f"{len(rows)} rows", f"{len(want)} rows", "index matches")
