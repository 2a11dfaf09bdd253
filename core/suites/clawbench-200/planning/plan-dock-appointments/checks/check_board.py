"""The new BOARD.md line agrees with the schedule and waitlist files; older lines are kept."""
import csv
import json
import re
import sys


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


try:
    text = open("ops/BOARD.md", encoding="utf-8").read()
    sched = list(csv.DictReader(open("out/dock-schedule-2024-07-22.csv", newline="", encoding="utf-8")))
    wait = list(csv.DictReader(open("out/waitlist-2024-07-22.csv", newline="", encoding="utf-8")))
except (OSError, KeyError) as e:
    verdict(False, str(e), "files present", "board or outputs missing")
m = re.search(r"^2024-07-22: (\d+) appointments \((\d+) reefer\), (\d+) waitlisted, docks busy (\d\d:\d\d)-(\d\d:\d\d)\s*$", text, re.M)
if not m:
    verdict(False, None, "2024-07-22: <n> appointments (<r> reefer), <w> waitlisted, docks busy <hh:mm>-<hh:mm>", "no line for 2024-07-22")
derived = (str(len(sched)), str(sum(1 for r in sched if r["reefer"].strip() == "yes")), str(len(wait)),
           min(r["start"] for r in sched), max(r["end"] for r in sched))
if m.groups() != derived:
    verdict(False, list(m.groups()), list(derived), "the board line disagrees with the output files")
lines = [l for l in text.splitlines() if re.match(r"^2024-07-\d\d: ", l)]
if lines[:1] != [m.group(0).rstrip()] or len(lines) != 4:
    verdict(False, lines, "new line first, then the three older lines", "newest first; older lines must stay")
verdict(True, list(m.groups()), list(derived), "board line consistent")
