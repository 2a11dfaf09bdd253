"""out/weekly-W23.csv has the expected per-agent totals; the log's skipped count plus the
counted entries account for every row of the timesheet."""
import csv
import json
import os
import re
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
want = json.load(open(os.path.join(CHECKS, "expected_report.json")))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


try:
    table = [[c.strip() for c in r] for r in csv.reader(open("out/weekly-W23.csv", newline="", encoding="utf-8")) if r]
except FileNotFoundError:
    verdict(False, "missing", "present", "out/weekly-W23.csv does not exist")
if not table or table[0] != ["agent", "entries", "total_minutes", "total"]:
    verdict(False, table[:1], ["agent", "entries", "total_minutes", "total"], "wrong header")
if table[1:] != want["rows"]:
    verdict(False, table[1:], want["rows"], "per-agent totals are wrong")
try:
    log = open("out/weekly-W23.log", encoding="utf-8").read()
except FileNotFoundError:
    verdict(False, "missing", "present", "out/weekly-W23.log does not exist")
m = re.search(r"^(\d+) rows skipped\s*$", log, re.M)
if not m:
    verdict(False, log.strip()[-80:], "<n> rows skipped", "the log lacks the skipped-rows line")
data_rows = sum(1 for _ in csv.DictReader(open("data/timesheet-2024-W23.csv", newline="", encoding="utf-8")))
entries = sum(int(r[1]) for r in table[1:])
if entries + int(m.group(1)) != data_rows:
    verdict(False, {"entries": entries, "skipped": int(m.group(1))}, {"rows in timesheet": data_rows},
            "entries + skipped must account for every timesheet row")
verdict(True, {"entries": entries, "skipped": int(m.group(1))}, data_rows, "report complete and consistent")
