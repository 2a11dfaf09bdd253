"""ar/credit_hold.yaml: on_hold = C-1002, C-1005, C-1007; last_review 2024-06-30; policy and exceptions untouched."""
import datetime
import json
import sys

import yaml

POLICY = {"hold_when_days_past_due_over": 60, "release_when": "no open invoice more than 60 days past due", "approved_by": "Controller"}
EXC = [
    {"customer_id": "C-1010", "reason": "University budget cycle - payment plan agreed with the CFO", "valid_until": datetime.date(2024, 9, 30)},
    {"customer_id": "C-1006", "reason": "Disputed delivery, settled in May", "valid_until": datetime.date(2024, 5, 31)},
]
HOLD = ["C-1002", "C-1005", "C-1007"]


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}, default=str))
    sys.exit(0 if passed else 1)


try:
    doc = yaml.safe_load(open("ar/credit_hold.yaml", encoding="utf-8"))
except FileNotFoundError:
    verdict(False, "missing", "ar/credit_hold.yaml", "credit_hold.yaml is gone")
except yaml.YAMLError as e:
    verdict(False, "invalid YAML", "valid YAML", f"credit_hold.yaml no longer parses: {e}")
if doc.get("on_hold") != HOLD:
    verdict(False, doc.get("on_hold"), HOLD, "on_hold must be exactly the customers >60 days past due without a valid exception, sorted")
if str(doc.get("last_review")) != "2024-06-30":
    verdict(False, str(doc.get("last_review")), "2024-06-30", "last_review must be the as-of date")
if doc.get("policy") != POLICY or doc.get("exceptions") != EXC:
    verdict(False, {"policy": doc.get("policy"), "exceptions": doc.get("exceptions")}, {"policy": POLICY, "exceptions": EXC}, "policy/exceptions may not change")
if set(doc) != {"policy", "last_review", "on_hold", "exceptions"}:
    verdict(False, sorted(doc), ["exceptions", "last_review", "on_hold", "policy"], "unexpected keys")
verdict(True, HOLD, HOLD, "credit hold list updated")
