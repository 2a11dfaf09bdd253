"""revrec/rollforward_2024-06.json: the rollforward adds up, matches the schedule and the
expected figures, and the difference to the GL is fully explained by the right items."""
import csv
import json
import os
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


exp = json.load(open(os.path.join(CHECKS, "expected.json")))["rf"]
try:
    rf = json.load(open("revrec/rollforward_2024-06.json", encoding="utf-8"))
except (OSError, json.JSONDecodeError) as e:
    verdict(False, "unreadable", "revrec/rollforward_2024-06.json", str(e))
keys = ["opening_deferred", "billings", "credit_notes", "recognized", "closing_deferred", "gl_balance", "difference"]
for k in keys:
    v = rf.get(k)
    if not isinstance(v, (int, float)) or abs(v - exp[k]) > 0.011:
        verdict(False, {k: v}, {k: exp[k]}, f"{k} differs")
calc = rf["opening_deferred"] + rf["billings"] + rf["credit_notes"] - rf["recognized"]
if abs(calc - rf["closing_deferred"]) > 0.011:
    verdict(False, round(calc, 2), rf["closing_deferred"], "opening + billings + credit notes - recognised must equal closing")
items = rf.get("reconciling_items")
if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
    verdict(False, items, "list of {ref, amount}", "reconciling_items must be a list of objects")
got = {}
for i in items:
    ref = str(i.get("ref", "")).strip()
    amt = i.get("amount")
    if not isinstance(amt, (int, float)):
        verdict(False, i, "numeric amount", "every reconciling item needs a numeric amount")
    got[ref] = round(got.get(ref, 0.0) + amt, 2)
want = {i["ref"]: i["amount"] for i in exp["reconciling_items"]}
if set(got) != set(want) or any(abs(got[k] - want[k]) > 0.011 for k in want):
    verdict(False, got, want, "the GL difference must be explained by exactly the misposted prepayment journal and the credit note not yet in the GL")
if abs(sum(got.values()) - rf["difference"]) > 0.011:
    verdict(False, round(sum(got.values()), 2), rf["difference"], "the reconciling items must add up to the difference")
try:
    with open("revrec/schedule_2024-06.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    rec = sum(float(r["recognized_june"]) for r in rows)
    dfr = sum(float(r["deferred_30jun"]) for r in rows)
except (OSError, KeyError, TypeError, ValueError) as e:
    verdict(False, "unreadable schedule", "revrec/schedule_2024-06.csv", str(e))
if abs(rec - rf["recognized"]) > 0.011 or abs(dfr - rf["closing_deferred"]) > 0.011:
    verdict(False, {"schedule recognized": round(rec, 2), "schedule deferred": round(dfr, 2)},
            {"recognized": rf["recognized"], "closing_deferred": rf["closing_deferred"]}, "the schedule and the rollforward disagree")
verdict(True, got, want, "rollforward adds up and reconciles to the GL")
