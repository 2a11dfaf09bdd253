"""l10n/handoff/<locale>.csv: the report's non-obsolete rows of each locale, in report order,
with the English source text (the `other` form for plurals)."""
import csv
import json
import os
import sys


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


want = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected_l10n.json"), encoding="utf-8"))["handoff"]
try:
    report = list(csv.DictReader(open("reports/l10n-gaps.csv", newline="", encoding="utf-8")))
except FileNotFoundError:
    verdict(False, "missing", "reports/l10n-gaps.csv", "the report is missing")
for loc, rows in want.items():
    path = f"l10n/handoff/{loc}.csv"
    if not os.path.isfile(path):
        verdict(False, "missing", path, f"{path} does not exist")
    with open(path, newline="", encoding="utf-8") as fh:
        got = [[c.strip() for c in r] for r in csv.reader(fh) if r]
    if got[:1] != [["key", "issue", "english"]]:
        verdict(False, got[:1], ["key", "issue", "english"], f"{path}: wrong header")
    from_report = [[r["key"], r["issue"]] for r in report if r.get("locale") == loc and r.get("issue") != "obsolete"]
    if [g[:2] for g in got[1:]] != from_report:
        verdict(False, [g[:2] for g in got[1:]], from_report, f"{path} does not list the report's non-obsolete rows for {loc} in order")
    if got[1:] != rows:
        bad = [(g, w) for g, w in zip(got[1:], rows) if g != w][:1] or [(got[1:], rows)]
        verdict(False, bad[0][0], bad[0][1], f"{path}: row differs (English text is the source string, 'other' form for plurals)")
verdict(True, {k: len(v) for k, v in want.items()}, {k: len(v) for k, v in want.items()}, "hand-off files match the report")
