"""handoff/meetings.csv: only live series Yusuf organises, each with the right new organiser."""
import csv
import json
import os
import sys

PATH = "handoff/meetings.csv"


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


want = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected_handoff.json")))["meetings"]
if not os.path.isfile(PATH):
    verdict(False, "missing", PATH, f"{PATH} does not exist")
got = [[c.strip() for c in r] for r in csv.reader(open(PATH, newline="", encoding="utf-8")) if r]
if got[:1] != [["uid", "summary", "new_organizer"]]:
    verdict(False, got[:1], ["uid", "summary", "new_organizer"], "wrong header")
if got[1:] != want:
    verdict(False, got[1:], want, "meetings differ (which series, new organiser, sorted by summary)")
verdict(True, f"{len(want)} meetings", f"{len(want)} meetings", "meetings handed over correctly")
