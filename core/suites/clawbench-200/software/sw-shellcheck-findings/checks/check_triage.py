"""reports/shellcheck-triage.csv has one row per finding, in the report's order, with the
documented file/line/code/level values and the right action (accepted only for style and SC2012)."""
import csv
import json
import os
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
want = list(csv.reader(open(os.path.join(CHECKS, "expected_triage.csv"), encoding="utf-8")))
try:
    got = [[c.strip() for c in row] for row in csv.reader(open("reports/shellcheck-triage.csv", encoding="utf-8", newline="")) if row]
except FileNotFoundError:
    got = None


def verdict(ok, observed, expected, message):
    print(json.dumps({"passed": ok, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if ok else 1)


if got is None:
    verdict(False, "missing", "reports/shellcheck-triage.csv", "the triage CSV was not written")
if got[:1] != want[:1]:
    verdict(False, got[:1], want[:1], "header must be exactly file,line,code,level,action")
if len(got) != len(want):
    verdict(False, len(got) - 1, len(want) - 1, "one row per finding of the report")
for i, (g, w) in enumerate(zip(got[1:], want[1:]), start=1):
    if g != w:
        verdict(False, {"row": i, "got": g}, {"row": i, "want": w}, f"row {i} differs (order, values or action)")
verdict(True, len(got) - 1, len(want) - 1, "triage CSV complete and correct")
