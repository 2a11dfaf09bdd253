"""reports/meeting-load-2024-09.csv: one exact row per person, sorted by hours desc then handle."""
import csv
import json
import os
import sys

PATH = "reports/meeting-load-2024-09.csv"


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


want = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected_load.json")))["rows"]
if not os.path.isfile(PATH):
    verdict(False, "missing", PATH, f"{PATH} does not exist")
with open(PATH, newline="", encoding="utf-8") as fh:
    got = [[c.strip() for c in r] for r in csv.reader(fh) if r]
if got[:1] != [["handle", "name", "hours_per_week", "cap_h", "over_cap"]]:
    verdict(False, got[:1], ["handle", "name", "hours_per_week", "cap_h", "over_cap"], "wrong header")
body = got[1:]


def canon(r):
    r = list(r)
    if len(r) == 5:
        try:
            r[3] = f"{float(r[3]):g}"
        except ValueError:
            pass
    return r


body = [canon(r) for r in body]
want = [canon(r) for r in want]
if sorted(body) != sorted(want):
    g, w = set(map(tuple, body)), set(map(tuple, want))
    verdict(False, sorted(g - w), sorted(w - g), "rows differ (hours after the reset, caps, over_cap)")
if body != want:
    verdict(False, [r[0] for r in body], [r[0] for r in want], "rows must be sorted by hours_per_week desc, then handle")
verdict(True, f"{len(body)} people", f"{len(want)} people", "load report matches")
