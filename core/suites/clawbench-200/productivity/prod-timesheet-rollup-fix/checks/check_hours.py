"""out/hours-2024-09.csv is September's roll-up, row for row."""
import csv
import json
import os
import sys

PATH = "out/hours-2024-09.csv"


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


want = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected_rollup.json")))["hours"]
if not os.path.isfile(PATH):
    verdict(False, "missing", PATH, f"{PATH} does not exist")
got = [[c.strip() for c in r] for r in csv.reader(open(PATH, newline="", encoding="utf-8")) if r]
if got != want:
    g, w = set(map(tuple, got)), set(map(tuple, want))
    verdict(False, sorted(g - w), sorted(w - g), "rows differ (September only, aliases merged, h:mm/comma hours)" if g != w else "rows not sorted by project, contractor")
verdict(True, f"{len(got) - 1} rows", f"{len(want) - 1} rows", "hours roll-up matches")
