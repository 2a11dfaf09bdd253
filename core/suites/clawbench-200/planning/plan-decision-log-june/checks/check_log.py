"""decisions/LOG.md holds exactly the expected 34 entries (old ones only changed where the rules
say) and the rest of the page is intact."""
import json
import os
import re
import sys

PATH = "decisions/LOG.md"


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


want = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected_log.json")))["rows"]
try:
    text = open(PATH, encoding="utf-8").read()
except FileNotFoundError:
    verdict(False, "missing", PATH, "LOG.md is gone")
rows = []
for line in text.splitlines():
    if re.match(r"^\|\s*DEC-\d+", line):
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        rows.append(cells)
if len(rows) != len(want):
    verdict(False, [r[0] for r in rows], [r[0] for r in want], f"expected {len(want)} entries, found {len(rows)}")
for g, e in zip(rows, want):
    if g != e:
        verdict(False, g, e, f"{e[0]} differs")
for must in ("# Payments platform - decision log", "| ID | Date | Decision | Owner | Status | Supersedes |",
             "_Older decisions (2022) were migrated from Confluence and are in `archive/2022.md`._"):
    if must not in text:
        verdict(False, None, must, "part of the page outside the table was removed")
verdict(True, len(rows), len(want), "all entries match")
