"""calendar/team-ooo.csv after the sync: manual rows untouched, one HR row per currently
approved request of a team member (latest record wins), notes kept, sorted by start then id."""
import csv
import json
import os
import sys

PATH = "calendar/team-ooo.csv"
HEADER = ["id", "person", "start", "end", "type", "note"]
CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


want = json.load(open(os.path.join(CHECKS, "expected_calendar.json"), encoding="utf-8"))
if not os.path.isfile(PATH):
    verdict(False, "missing", f"{len(want)} rows", f"{PATH} does not exist")
with open(PATH, newline="", encoding="utf-8") as fh:
    table = [[c.strip() for c in row] for row in csv.reader(fh) if row]
header, rows = (table[0], table[1:]) if table else ([], [])
if header != HEADER:
    verdict(False, header, HEADER, "wrong header")
got_ids, want_ids = sorted(r[0] for r in rows), sorted(r[0] for r in want)
if got_ids != want_ids:
    verdict(False, {"extra": sorted(set(got_ids) - set(want_ids)), "duplicates": sorted({i for i in got_ids if got_ids.count(i) > 1})},
            {"missing": sorted(set(want_ids) - set(got_ids))}, "the calendar does not hold exactly the manual rows plus the approved requests")
for g in rows:
    e = next(r for r in want if r[0] == g[0])
    if g != e:
        verdict(False, g, e, f"row {e[0]} differs")
if [r[0] for r in rows] != [r[0] for r in want]:
    verdict(False, [r[0] for r in rows], [r[0] for r in want], "rows must be sorted by start, then id")
verdict(True, f"{len(rows)} rows", f"{len(want)} rows", "calendar in sync")
