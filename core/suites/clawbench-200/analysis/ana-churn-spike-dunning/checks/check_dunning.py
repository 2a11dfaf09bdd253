"""config/dunning.yaml: BILL-311 rolled back (max_retries 4), every other setting unchanged."""
import json
import sys

import yaml


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


EXPECTED = {"gateway": "stripe", "retry": {"max_retries": 4, "interval_days": 3, "charge_hour_utc": 3},
            "notify": {"email_on_failure": True, "sms_on_final_attempt": False},
            "cancel_after_exhausted": True, "grace_period_days": 0}
try:
    doc = yaml.safe_load(open("config/dunning.yaml", encoding="utf-8"))
except FileNotFoundError:
    verdict(False, "missing", "config/dunning.yaml", "the config is gone")
except yaml.YAMLError as e:
    verdict(False, "unparsable", "valid YAML", str(e))
if doc != EXPECTED:
    verdict(False, doc, EXPECTED, "only retry.max_retries may change, back to 4")
verdict(True, doc["retry"], EXPECTED["retry"], "dunning rolled back")
