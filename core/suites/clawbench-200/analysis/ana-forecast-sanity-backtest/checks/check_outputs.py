"""out/backtest_by_category.csv and out/flags.csv hold exactly the expected rows."""
import csv
import json
import os
import sys

here = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


which = sys.argv[1]
path, exp = {"backtest": ("out/backtest_by_category.csv", "expected_backtest.csv"),
             "flags": ("out/flags.csv", "expected_flags.csv")}[which]
want = [r for r in csv.reader(open(os.path.join(here, exp), newline="")) if r]
if not os.path.isfile(path):
    verdict(False, "missing", path, f"{path} does not exist")
got = [[c.strip() for c in r] for r in csv.reader(open(path, newline="", encoding="utf-8")) if r]
if got[:1] != want[:1]:
    verdict(False, got[:1], want[:1], "wrong header")
if len(got) != len(want):
    verdict(False, [r[:3] for r in got[1:]], [r[:3] for r in want[1:]], "wrong number of rows")
for g, e in zip(got[1:], want[1:]):
    if g != e:
        verdict(False, g, e, "row differs")
verdict(True, len(got) - 1, len(want) - 1, f"{path} matches")
