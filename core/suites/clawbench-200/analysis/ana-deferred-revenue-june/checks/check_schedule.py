"""revrec/schedule_2024-06.csv: every document with June revenue or a 30 June balance, figures per the policy."""
import csv
import json
import os
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


exp = json.load(open(os.path.join(CHECKS, "expected.json")))["rows"]
try:
    with open("revrec/schedule_2024-06.csv", newline="", encoding="utf-8") as fh:
        got = list(csv.DictReader(fh))
except FileNotFoundError:
    verdict(False, "missing", "revrec/schedule_2024-06.csv", "the schedule was not written")
ids = [(r.get("invoice_no") or "").strip() for r in got]
want = [e[0] for e in exp]
if ids != want:
    verdict(False, {"rows": len(ids), "extra": sorted(set(ids) - set(want))[:5], "missing": sorted(set(want) - set(ids))[:5]},
            {"rows": len(want)}, "one row per document with June revenue or a 30 June balance, by invoice_no")
bad = []
for g, e in zip(got, exp):
    for col, val in zip(("amount_nok", "recognized_to_may", "recognized_june", "deferred_30jun"), e[3:]):
        try:
            if abs(float(g[col]) - float(val)) > 0.011:
                bad.append({e[0]: {col: [g[col], val]}})
        except (KeyError, TypeError, ValueError):
            bad.append({e[0]: {col: [g.get(col), val]}})
if bad:
    verdict(False, bad[:5], "policy figures", f"{len(bad)} figure(s) differ from the daily cumulative method")
verdict(True, f"{len(got)} documents", f"{len(exp)} documents", "schedule matches the policy")
