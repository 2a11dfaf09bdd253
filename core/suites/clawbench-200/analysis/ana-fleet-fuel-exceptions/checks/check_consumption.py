"""reports/fleet_consumption_2024-06.csv: one row per registered vehicle with km, litres, L/100 km and status."""
import csv
import json
import os
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


exp = json.load(open(os.path.join(CHECKS, "expected.json")))["consumption"]
try:
    with open("reports/fleet_consumption_2024-06.csv", newline="", encoding="utf-8") as fh:
        got = list(csv.DictReader(fh))
except FileNotFoundError:
    verdict(False, "missing", "reports/fleet_consumption_2024-06.csv", "the consumption file was not written")
regos = [(r.get("rego") or "").strip() for r in got]
if regos != [e[0] for e in exp]:
    verdict(False, regos, [e[0] for e in exp], "one row per vehicle, in register order")
for g, (rego, km, lit, lp, rated, status) in zip(got, exp):
    try:
        vals = (float(g["km"]), float(g["litres"]), float(g["l_per_100km"]))
    except (KeyError, TypeError, ValueError):
        verdict(False, {rego: g}, {rego: [km, lit, lp]}, f"{rego}: km/litres/l_per_100km missing")
    if abs(vals[0] - km) > 0.5 or abs(vals[1] - float(lit)) > 0.011 or abs(vals[2] - float(lp)) > 0.011:
        verdict(False, {rego: list(vals)}, {rego: [km, float(lit), float(lp)]}, f"{rego}: figures differ")
    if (g.get("status") or "").strip() != status:
        verdict(False, {rego: g.get("status")}, {rego: status}, f"{rego}: status differs")
verdict(True, f"{len(got)} vehicles", f"{len(exp)} vehicles", "consumption matches the policy")
