"""out/retention_matrix.csv equals the expected June matrix cell by cell."""
import csv
import json
import os
import sys

PATH = "out/retention_matrix.csv"


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


want = [r for r in csv.reader(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected_matrix.csv"), newline="")) if r]
if not os.path.isfile(PATH):
    verdict(False, "missing", PATH, f"{PATH} does not exist")
got = [[c.strip() for c in r] for r in csv.reader(open(PATH, newline="", encoding="utf-8")) if r]
if got[:1] != want[:1]:
    verdict(False, got[:1], want[:1], "wrong header")
if [r[0] for r in got[1:]] != [r[0] for r in want[1:]]:
    verdict(False, [r[0] for r in got[1:]], [r[0] for r in want[1:]], "wrong cohorts (2024-01 .. 2024-06 expected)")
for g, e in zip(got[1:], want[1:]):
    if g != e:
        verdict(False, g, e, f"cohort {e[0]} differs")
verdict(True, len(got) - 1, len(want) - 1, "matrix matches")
