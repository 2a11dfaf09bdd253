"""reports/q2-2024-cac.csv has exactly the expected rows in the expected order."""
import csv
import json
import os
import sys

PATH = "reports/q2-2024-cac.csv"


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


checks_dir = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__))
with open(os.path.join(checks_dir, "expected_q2.csv"), newline="") as fh:
    want = list(csv.DictReader(fh))
if not os.path.isfile(PATH):
    verdict(False, "missing", PATH, f"{PATH} does not exist")
with open(PATH, newline="", encoding="utf-8") as fh:
    got = [r for r in csv.DictReader(fh) if any((v or "").strip() for v in r.values())]
order = [r.get("channel", "").strip() for r in got]
want_order = [r["channel"] for r in want]
if order != want_order:
    verdict(False, order, want_order, "channels missing, extra or not sorted by cac_usd with all_paid last")
for g, e in zip(got, want):
    for col in ("spend_usd", "cac_usd"):
        try:
            x = float(g[col])
        except (TypeError, ValueError, KeyError):
            verdict(False, g, e, f"{e['channel']}: {col} is not a plain number")
        if abs(x - float(e[col])) > 0.011:
            verdict(False, {e["channel"]: {col: g[col]}}, {e["channel"]: {col: e[col]}}, f"{e['channel']}: {col} is wrong")
    if (g.get("new_customers") or "").strip() != e["new_customers"]:
        verdict(False, {e["channel"]: g.get("new_customers")}, {e["channel"]: e["new_customers"]}, f"{e['channel']}: new_customers is wrong")
verdict(True, order, want_order, "all rows match")
