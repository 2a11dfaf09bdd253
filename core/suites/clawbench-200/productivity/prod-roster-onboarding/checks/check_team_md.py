"""docs/TEAM.md: the team table lists exactly the roster members (Amara in, Felix out), sorted
by name, and the rest of the page is kept."""
import json
import os
import sys

PATH = "docs/TEAM.md"
CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


def cells(line):
    return [c.strip() for c in line.strip().strip("|").split("|")]


want = [cells(r) for r in json.load(open(os.path.join(CHECKS, "expected_team_rows.json")))]
try:
    lines = open(PATH, encoding="utf-8").read().splitlines()
except FileNotFoundError:
    verdict(False, "missing", PATH, f"{PATH} does not exist")
rows = [cells(l) for l in lines if l.strip().startswith("|")]
rows = [r for r in rows if r and r[0] != "Name" and not set("".join(r)) <= set("-: ")]
if [r[0] for r in rows] != [r[0] for r in want]:
    verdict(False, [r[0] for r in rows], [r[0] for r in want], "table names differ (Felix out, Amara in, sorted by name)")
for g, e in zip(rows, want):
    if g != e:
        verdict(False, g, e, f"row for {e[0]} differs")
for keep in ("## Rituals", "- Thursday 15:00 CET: knowledge-base triage with Nadia",
             "Rows are sorted by name. The roster (`team/roster.yaml`) is the source of truth."):
    if keep not in [l.rstrip() for l in lines]:
        verdict(False, "missing", keep, "the rest of TEAM.md was changed")
verdict(True, f"{len(rows)} rows", f"{len(want)} rows", "team table matches the roster")
