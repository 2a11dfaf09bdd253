"""seo/fixes-2024-11.csv: one row per changed field, sorted, old lengths right, new lengths equal the pages."""
import csv
import json
import os
import sys

import yaml

PATH = "seo/fixes-2024-11.csv"
CHK = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__))
want = json.load(open(os.path.join(CHK, "expected.json")))["changes"]


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}, ensure_ascii=False))
    sys.exit(0 if passed else 1)


try:
    rows = [r for r in csv.reader(open(PATH, newline="", encoding="utf-8")) if r]
except FileNotFoundError:
    verdict(False, "missing", PATH, f"{PATH} does not exist")
if rows[0] != ["file", "field", "old_length", "new_length"]:
    verdict(False, rows[0], ["file", "field", "old_length", "new_length"], "wrong header")
body = rows[1:]
got = [[r[0].strip(), r[1].strip(), r[2].strip()] for r in body]
exp = [[f, fld, str(n)] for f, fld, n in want]
if got != exp:
    verdict(False, got, exp, "rows (file, field, old_length) differ, or wrong sort order")
for r in body:
    text = open(r[0].strip(), encoding="utf-8").read()
    fm = yaml.safe_load(text.split("\n---\n")[0][4:] + "\n")
    actual = len(str(fm.get(r[1].strip()) or ""))
    if r[3].strip() != str(actual):
        verdict(False, r[3], actual, f"{r[0]}: new_length disagrees with the page")
verdict(True, len(body), len(exp), "fix log matches the pages")
