"""The covering email's table gives each attendee's local time of the booked slot, in request order."""
import json
import os
import re
import sys

PATH = "invites/q4-pricing-decision-email.md"


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


want = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected_slot.json")))["rows"]
if not os.path.isfile(PATH):
    verdict(False, "missing", PATH, f"{PATH} does not exist")
rows, in_table = [], False
for ln in open(PATH, encoding="utf-8").read().splitlines():
    s = ln.strip()
    if s.startswith("|"):
        cells = [c.strip() for c in s.strip("|").split("|")]
        if cells[:2] == ["Attendee", "Local time"]:
            in_table = True
            continue
        if in_table and not all(re.fullmatch(r":?-{3,}:?", c) for c in cells):
            rows.append(cells)
    elif in_table and rows:
        break
if not in_table:
    verdict(False, "no table", "| Attendee | Local time |", "the covering email has no attendee table")
if rows != want:
    verdict(False, rows, want, "local times differ (offsets, format, order)")
verdict(True, f"{len(rows)} rows", f"{len(want)} rows", "local times correct")
