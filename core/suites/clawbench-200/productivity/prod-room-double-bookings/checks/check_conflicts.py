"""reports/room-conflicts-2024-W25.csv: exactly the week's double-bookings (UTC and local times
compared in Berlin time, cancelled and superseded versions ignored, back-to-back allowed),
each pair ordered by start then creation, rows sorted, fields exact."""
import csv
import json
import os
import sys

PATH = "reports/room-conflicts-2024-W25.csv"
HEADER = ["room", "date", "event_a", "organizer_a", "start_a", "event_b", "organizer_b", "start_b", "overlap_minutes"]
CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}, ensure_ascii=False))
    sys.exit(0 if passed else 1)


want = json.load(open(os.path.join(CHECKS, "expected_conflicts.json"), encoding="utf-8"))
want = [[str(c) for c in r] for r in want]
if not os.path.isfile(PATH):
    verdict(False, "missing", f"{len(want)} rows", f"{PATH} does not exist")
with open(PATH, newline="", encoding="utf-8") as fh:
    table = [[c.strip() for c in row] for row in csv.reader(fh) if row]
header, rows = (table[0], table[1:]) if table else ([], [])
if header != HEADER:
    verdict(False, header, HEADER, "wrong header")
for r in rows:
    if len(r) != len(HEADER):
        verdict(False, r, f"{len(HEADER)} fields", "a row has the wrong number of fields (quote texts with commas)")
    try:
        r[8] = str(int(float(r[8])))
    except ValueError:
        verdict(False, r[8], "integer minutes", "overlap_minutes is not a number")
key = lambda r: (r[0], r[1], r[2], r[5])
got_pairs, want_pairs = sorted(map(key, rows)), sorted(map(key, want))
if got_pairs != want_pairs:
    missing = [p for p in want_pairs if p not in got_pairs]
    extra = [p for p in got_pairs if p not in want_pairs]
    verdict(False, {"extra": extra}, {"missing": missing}, "the set of conflicting pairs (room, date, event_a, event_b) is wrong")
for i, (g, e) in enumerate(zip(rows, want), start=2):
    if g != e:
        verdict(False, g, e, f"line {i} differs (order: room, date, start_a, start_b; all fields exact)")
verdict(True, f"{len(rows)} conflicts", f"{len(want)} conflicts", "all conflicts match")
