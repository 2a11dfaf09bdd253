"""The public sub-processor table lists exactly the active and notified vendors, with purpose,
country names and effective dates, in alphabetical order."""
import json
import os
import re
import sys

PATH = "site/legal/subprocessors.md"
HEADER = ["Sub-processor", "Purpose", "Location", "Effective from"]


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


want = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected_table.json")))["rows"]
if not os.path.isfile(PATH):
    verdict(False, "missing", PATH, f"{PATH} does not exist")
text = open(PATH, encoding="utf-8").read()
m = re.search(r"^## Current sub-processors[ \t]*\n(.*?)(?=^## |\Z)", text, re.M | re.S)
if not m:
    verdict(False, "no section", "## Current sub-processors", "the 'Current sub-processors' section is gone")
lines = [ln.strip() for ln in m.group(1).splitlines() if ln.strip().startswith("|")]
cells = [[c.strip() for c in ln.strip("|").split("|")] for ln in lines]
if not cells or cells[0] != HEADER:
    verdict(False, cells[0] if cells else None, HEADER, "the table header changed")
body = [c for c in cells[1:] if not all(re.fullmatch(r":?-{3,}:?", x) for x in c)]
if len(body) != len(want):
    names = [c[0] for c in body]
    verdict(False, names, [r[0] for r in want], f"{len(body)} rows listed, expected {len(want)}")
for got, exp in zip(body, want):
    if got != exp:
        verdict(False, got, exp, "row differs (sorting, purpose, country names or effective date)")
verdict(True, f"{len(body)} rows", f"{len(want)} rows", "table matches legal/subprocessors.csv")
