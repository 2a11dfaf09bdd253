"""trip/approval.yaml has the dates and the estimate filled in; every other field unchanged."""
import datetime
import json
import sys

import yaml

UNCHANGED = {"request_id": "TA-2024-0917", "traveller": "Mei Lin", "employee_id": "E-20417",
             "cost_center": "ML-PLATFORM-310",
             "purpose": "Speaker at DataOps Summit Lisbon; customer workshop at Acme Iberia, Madrid",
             "destinations": ["Lisbon", "Madrid"], "approver": "sara.whitman", "status": "draft"}
FILLED = {"departure_date": "2024-10-13", "return_date": "2024-10-19", "estimated_cost_eur": 2372.0}


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}, default=str))
    sys.exit(0 if passed else 1)


try:
    doc = yaml.safe_load(open("trip/approval.yaml", encoding="utf-8"))
except FileNotFoundError:
    verdict(False, "missing", "present", "trip/approval.yaml was removed")
except yaml.YAMLError as e:
    verdict(False, "invalid YAML", "valid YAML", str(e).splitlines()[0])
if not isinstance(doc, dict):
    verdict(False, doc, "a mapping", "approval.yaml is not a mapping")
for k in ("departure_date", "return_date"):
    if isinstance(doc.get(k), datetime.date):
        doc[k] = doc[k].isoformat()
cost = doc.get("estimated_cost_eur")
if doc.get("departure_date") != FILLED["departure_date"] or doc.get("return_date") != FILLED["return_date"]:
    verdict(False, {k: doc.get(k) for k in ("departure_date", "return_date")},
            {k: FILLED[k] for k in ("departure_date", "return_date")}, "travel dates are wrong")
if isinstance(cost, bool) or not isinstance(cost, (int, float)) or abs(cost - FILLED["estimated_cost_eur"]) >= 0.005:
    verdict(False, cost, FILLED["estimated_cost_eur"], "estimated_cost_eur must be the number 2372.00")
for k, v in UNCHANGED.items():
    if doc.get(k) != v:
        verdict(False, {k: doc.get(k)}, {k: v}, f"{k} must not change")
extra = sorted(set(doc) - set(UNCHANGED) - set(FILLED))
if extra:
    verdict(False, extra, [], "unexpected new fields in the form")
verdict(True, FILLED, FILLED, "approval form filled, other fields unchanged")
