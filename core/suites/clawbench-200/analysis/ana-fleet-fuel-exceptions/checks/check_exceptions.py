"""reports/fuel_exceptions_2024-06.csv holds exactly the policy's exception transactions with the right vehicle and rules."""
import csv
import json
import os
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


exp = json.load(open(os.path.join(CHECKS, "expected.json")))["exceptions"]
try:
    with open("reports/fuel_exceptions_2024-06.csv", newline="", encoding="utf-8") as fh:
        got = list(csv.DictReader(fh))
except FileNotFoundError:
    verdict(False, "missing", "reports/fuel_exceptions_2024-06.csv", "the exceptions file was not written")
ids = [(r.get("txn_id") or "").strip() for r in got]
want = [e[0] for e in exp]
if ids != want:
    verdict(False, ids, want, "exactly the exception transactions, by txn_time")
for g, (tid, ts, card, rego, prod, lit, rules) in zip(got, exp):
    obs = [(g.get("rego") or "").strip(), (g.get("rules") or "").strip()]
    if obs != [rego, rules]:
        verdict(False, {tid: obs}, {tid: [rego, rules]}, f"{tid}: vehicle or rules differ")
    try:
        if abs(float(g.get("litres")) - float(lit)) > 0.001:
            verdict(False, {tid: g.get("litres")}, {tid: lit}, f"{tid}: litres differ")
    except (TypeError, ValueError):
        verdict(False, {tid: g.get("litres")}, {tid: lit}, f"{tid}: litres missing")
verdict(True, ids, want, "exceptions match the policy")
