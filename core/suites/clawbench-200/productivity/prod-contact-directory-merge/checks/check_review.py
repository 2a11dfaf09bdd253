"""directory/needs-review.csv lists exactly the conflicts, bounces and possible duplicates."""
import csv
import json
import os
import sys

PATH = "directory/needs-review.csv"


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


want = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected_contacts.json")))["review"]
if not os.path.isfile(PATH):
    verdict(False, "missing", PATH, f"{PATH} does not exist")
got = [[c.strip() for c in r] for r in csv.reader(open(PATH, newline="", encoding="utf-8")) if r]
if got[:1] != [["contact_id", "issue", "detail"]]:
    verdict(False, got[:1], ["contact_id", "issue", "detail"], "wrong header")
if got[1:] != want:
    g, w = set(map(tuple, got[1:])), set(map(tuple, want))
    verdict(False, sorted(g - w), sorted(w - g), "review rows differ" if g != w else "review rows not sorted")
verdict(True, f"{len(want)} rows", f"{len(want)} rows", "review list matches")
