"""reports/style-audit.csv is the repaired linter's output for docs/, row for row."""
import csv
import json
import os
import sys

PATH = "reports/style-audit.csv"


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


want = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected_audit.json")))["rows"]
if not os.path.isfile(PATH):
    verdict(False, "missing", PATH, f"{PATH} does not exist")
with open(PATH, newline="", encoding="utf-8") as fh:
    reader = csv.DictReader(fh)
    if reader.fieldnames != ["file", "line", "rule", "severity", "match"]:
        verdict(False, reader.fieldnames, ["file", "line", "rule", "severity", "match"], "wrong columns")
    got = [{k: (v or "").strip() for k, v in r.items()} for r in reader]
fmt = lambda r: f"{r.get('file')}:{r.get('line')} {r.get('rule')} {r.get('match')}"
missing = [fmt(r) for r in want if r not in got]
extra = [fmt(r) for r in got if r not in want]
if missing or extra:
    verdict(False, {"extra": extra}, {"missing": missing}, "findings differ from the rules as the README defines them")
if got != want:
    verdict(False, [fmt(r) for r in got], [fmt(r) for r in want], "rows are not sorted by file, line, rule, position")
verdict(True, f"{len(got)} rows", f"{len(want)} rows", "audit CSV matches")
