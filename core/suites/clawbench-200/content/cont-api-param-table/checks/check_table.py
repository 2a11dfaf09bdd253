"""docs/api/list-invoices.md: the Parameters table is exactly the spec's parameters, rendered
per docs/api/CONTRIBUTING.md, in spec order."""
import json
import os
import re
import sys

PATH = "docs/api/list-invoices.md"
HEADER = ["Name", "In", "Type", "Required", "Default", "Description"]
CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


want = json.load(open(os.path.join(CHECKS, "expected_rows.json")))
if not os.path.isfile(PATH):
    verdict(False, "missing", PATH, f"{PATH} does not exist")
text = open(PATH, encoding="utf-8").read()
m = re.search(r"^## Parameters[ \t]*\n([\s\S]*?)(?=^## |\Z)", text, re.M)
if not m:
    verdict(False, "no Parameters section", "## Parameters", "the Parameters section is missing")
rows = []
for line in m.group(1).splitlines():
    line = line.strip()
    if line.startswith("|") and line.endswith("|"):
        cells = [c.strip() for c in line.strip("|").split("|")]
        if all(re.fullmatch(r":?-{3,}:?", c) for c in cells):
            continue
        rows.append(cells)
if not rows or rows[0] != HEADER:
    verdict(False, rows[0] if rows else [], HEADER, "the table header must stay Name | In | Type | Required | Default | Description")
rows = rows[1:]
if [r[0] for r in rows] != [w[0] for w in want]:
    verdict(False, [r[0] for r in rows], [w[0] for w in want], "parameters missing, extra or out of spec order")
for g, w in zip(rows, want):
    if g != w:
        verdict(False, g, w, f"row {w[0]} differs")
verdict(True, f"{len(rows)} parameters", f"{len(want)} parameters", "table matches the spec")
