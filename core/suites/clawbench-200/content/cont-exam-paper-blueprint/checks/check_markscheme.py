"""The mark scheme has one exact row per paper question."""
import csv
import json
import os
import sys

PATH = "exam/y10-chem-autumn-2024-markscheme.csv"


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


want = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected_exam.json")))["markscheme"]
want = [[str(c) for c in r] for r in want]
if not os.path.isfile(PATH):
    verdict(False, "missing", PATH, f"{PATH} does not exist")
with open(PATH, newline="", encoding="utf-8") as fh:
    got = [[c.strip() for c in r] for r in csv.reader(fh) if r]
if got[:1] != want[:1]:
    verdict(False, got[:1], want[:1], "wrong header")
if len(got) != len(want):
    verdict(False, f"{len(got) - 1} rows", f"{len(want) - 1} rows", "wrong number of rows")
for g, w in zip(got[1:], want[1:]):
    if g != w:
        verdict(False, g, w, "row differs (question, section letter, marks or answer text)")
verdict(True, f"{len(got) - 1} rows", f"{len(want) - 1} rows", "mark scheme matches")
