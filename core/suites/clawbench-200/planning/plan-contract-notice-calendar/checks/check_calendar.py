"""renewals/notice-calendar-2024H2.csv has exactly the expected rows, in deadline order."""
import csv
import json
import os
import sys

PATH = "renewals/notice-calendar-2024H2.csv"
HEADER = ["contract_id", "vendor", "renewal_date", "notice_deadline", "annual_cost_eur", "owner"]


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


want = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected.json")))["rows"]
if not os.path.isfile(PATH):
    verdict(False, "missing", PATH, f"{PATH} does not exist")
table = [[c.strip() for c in r] for r in csv.reader(open(PATH, newline="", encoding="utf-8")) if r]
if not table or table[0] != HEADER:
    verdict(False, table[:1], HEADER, "wrong header")
rows = table[1:]
if [r[0] for r in rows] != [r[0] for r in want]:
    verdict(False, [r[0] for r in rows], [r[0] for r in want], "wrong contracts or order (by notice_deadline, then contract_id)")
for g, e in zip(rows, want):
    if g[2:4] != e[2:4] or g[5] != e[5]:
        verdict(False, g, e, f"{e[0]}: renewal date, deadline or owner wrong")
    try:
        ok = abs(float(g[4]) - float(e[4])) < 0.005
    except ValueError:
        ok = False
    if not ok:
        verdict(False, g[4], e[4], f"{e[0]}: annual_cost_eur wrong")
verdict(True, len(rows), len(want), "calendar matches")
