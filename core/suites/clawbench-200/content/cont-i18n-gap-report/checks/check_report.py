"""reports/l10n-gaps.csv is the README's report for the 5.2 locales, row for row."""
import csv
import json
import os
import sys

PATH = "reports/l10n-gaps.csv"


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


want = [["locale", "key", "issue"]] + json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected_l10n.json")))["rows"]
if not os.path.isfile(PATH):
    verdict(False, "missing", PATH, f"{PATH} does not exist")
with open(PATH, newline="", encoding="utf-8") as fh:
    got = [[c.strip() for c in r] for r in csv.reader(fh) if r]
if got != want:
    g, w = set(map(tuple, got)), set(map(tuple, want))
    verdict(False, {"unexpected": sorted(g - w)[:10]}, {"missing": sorted(w - g)[:10]},
            "rows are right but not sorted by locale, key, issue" if g == w else "report rows differ")
verdict(True, f"{len(got) - 1} rows", f"{len(want) - 1} rows", "report matches")
