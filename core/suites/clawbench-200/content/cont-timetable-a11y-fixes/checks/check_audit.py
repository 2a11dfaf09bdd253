"""Audit CSV: every open finding is now fixed; fixed/wontfix rows and other columns unchanged."""
import csv
import json
import os
import sys

PATH = "audit/a11y-audit-2024-10.csv"


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


want = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected_audit.json")))
try:
    got = [r for r in csv.reader(open(PATH, newline="", encoding="utf-8")) if r]
except FileNotFoundError:
    verdict(False, "missing", PATH, f"{PATH} does not exist")
if got[0] != want[0]:
    verdict(False, got[0], want[0], "header changed")
if len(got) != len(want):
    verdict(False, len(got) - 1, len(want) - 1, "findings were added or removed")
for g, e in zip(got[1:], want[1:]):
    if g != e:
        verdict(False, g, e, f"finding {e[0]} is wrong")
verdict(True, len(got) - 1, len(want) - 1, "audit file updated")
