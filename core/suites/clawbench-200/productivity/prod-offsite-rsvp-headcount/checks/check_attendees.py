"""offsite/attendees.csv: one row per confirmed roster attendee (latest submission wins), roster
name and email, normalised dietary value, hotel room rule applied, sorted by name."""
import csv
import json
import os
import sys

PATH = "offsite/attendees.csv"
HEADER = ["name", "email", "dietary", "hotel_room"]


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}, ensure_ascii=False))
    sys.exit(0 if passed else 1)


expected = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected_attendees.json"), encoding="utf-8"))
if not os.path.isfile(PATH):
    verdict(False, "missing", f"{len(expected)} rows", f"{PATH} does not exist")
with open(PATH, newline="", encoding="utf-8") as fh:
    table = [[c.strip() for c in row] for row in csv.reader(fh) if row]
header, rows = (table[0], table[1:]) if table else ([], [])
if header != HEADER:
    verdict(False, header, HEADER, "wrong header")
got_names = [r[0] for r in rows]
want_names = [r[0] for r in expected]
if sorted(got_names) != sorted(want_names):
    missing = sorted(set(want_names) - set(got_names))
    extra = sorted(set(got_names) - set(want_names))
    verdict(False, {"extra": extra}, {"missing": missing}, "the attendee list is not the set of confirmed roster members")
if got_names != want_names:
    verdict(False, got_names, want_names, "rows must be sorted by name")
for got, want in zip(rows, expected):
    if [c.lower() if i in (1, 2, 3) else c for i, c in enumerate(got)] != want:
        verdict(False, got, want, f"row for {want[0]} differs (roster email, normalised dietary, hotel rule)")
verdict(True, f"{len(rows)} rows", f"{len(expected)} rows", "all attendee rows match")
