"""handoff/assignments.csv: every open ticket, in handover order, to the right person for the right reason."""
import csv
import json
import os
import sys

PATH = "handoff/assignments.csv"
COLS = ["ticket_id", "title", "priority", "customer", "new_owner", "reason"]


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


want = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected_handoff.json")))["assign"]
if not os.path.isfile(PATH):
    verdict(False, "missing", PATH, f"{PATH} does not exist")
got = [[c.strip() for c in r] for r in csv.reader(open(PATH, newline="", encoding="utf-8")) if r]
if got[:1] != [COLS]:
    verdict(False, got[:1], COLS, "wrong header")
body = got[1:]
gi, wi = {r[0]: r for r in body}, {r[0]: r for r in want}
if set(gi) != set(wi):
    verdict(False, sorted(set(gi) - set(wi)), sorted(set(wi) - set(gi)), "wrong set of tickets (solved/closed stay, all others go)")
for tid, w in wi.items():
    if gi[tid] != w:
        verdict(False, gi[tid], w, f"{tid}: owner/reason (or copied fields) differ from the rules")
if [r[0] for r in body] != [r[0] for r in want]:
    verdict(False, [r[0] for r in body], [r[0] for r in want], "rows must be in handover order (priority, SLA, id)")
verdict(True, f"{len(body)} tickets", f"{len(want)} tickets", "assignments follow the rules")
