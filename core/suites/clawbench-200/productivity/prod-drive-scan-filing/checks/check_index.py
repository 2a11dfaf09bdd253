"""projects/filing-index.csv: old rows kept, one row per newly filed document, sorted by path."""
import csv
import json
import os
import sys

PATH = "projects/filing-index.csv"


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


want = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected_filing.json"), encoding="utf-8"))["index"]
if not os.path.isfile(PATH):
    verdict(False, "missing", PATH, "the index is gone")
with open(PATH, newline="", encoding="utf-8") as fh:
    got = [[c.strip() for c in r] for r in csv.reader(fh) if r]
if got[:1] != want[:1]:
    verdict(False, got[:1], want[:1], "index header changed")
g, w = set(map(tuple, got[1:])), set(map(tuple, want[1:]))
if g != w:
    verdict(False, sorted(g - w), sorted(w - g), "index rows differ (path, logged name, code, type, ISO date, filed_on 2024-09-13)")
if got != want:
    verdict(False, [r[0] for r in got[1:]], [r[0] for r in want[1:]], "index must be sorted by path")
verdict(True, f"{len(got) - 1} rows", f"{len(want) - 1} rows", "index complete and sorted")
