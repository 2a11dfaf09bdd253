"""Cross-file: the memo's table and totals are exactly what the register itself implies
(active rows whose notice deadline, or term end when not auto-renewing, falls within
2024-10-01..2025-01-29), and the value line is the sum of those rows' annual_value_gbp."""
import csv
import json
import re
import sys
from datetime import date

START, END = date(2024, 10, 1), date(2025, 1, 29)


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


try:
    rows = list(csv.DictReader(open("register/contracts-register.csv", newline="", encoding="utf-8")))
    memo = open("register/renewal-alerts-2024-10.md", encoding="utf-8").read()
except FileNotFoundError as e:
    verdict(False, "missing", e.filename, f"{e.filename} does not exist")
due, value = {}, 0.0
for r in rows:
    if (r.get("status") or "").strip() != "active":
        continue
    key = "notice_deadline" if (r.get("auto_renew") or "").strip() == "yes" else "current_term_end"
    try:
        d = date.fromisoformat((r.get(key) or "").strip())
    except ValueError:
        continue
    if START <= d <= END:
        due[r["contract_id"].strip()] = d.isoformat()
        value += float(r["annual_value_gbp"])
table = {}
for ln in memo.splitlines():
    c = [x.strip() for x in ln.strip().strip("|").split("|")]
    if ln.strip().startswith("|") and len(c) >= 3 and re.fullmatch(r"C-\d{3}", c[0]):
        table[c[0]] = c[2]
if table != due:
    verdict(False, table, due, "memo rows/dates do not follow from the register")
m = re.search(r"^Contracts needing a decision: (\d+)\s*$", memo, re.M)
if not m or int(m.group(1)) != len(due):
    verdict(False, m.group(1) if m else None, len(due), "the count line does not match the table")
m = re.search(r"^Annual value at stake: £([\d,]+\.\d{2})\s*$", memo, re.M)
if not m or abs(float(m.group(1).replace(",", "")) - value) > 0.005:
    verdict(False, m.group(1) if m else None, f"{value:,.2f}", "the value line is not the sum of the listed contracts' annual values")
verdict(True, sorted(table), sorted(due), "memo consistent with the register")
