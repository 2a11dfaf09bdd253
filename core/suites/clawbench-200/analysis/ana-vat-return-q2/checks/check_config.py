"""config/vat.ini is unchanged (the return is for 2024Q2 with the existing settings)."""
import configparser
import json
import sys


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


EXPECTED = {
    "company": {"name": "Moorland Outdoor Ltd", "vrn": "GB 284 5512 90", "scheme": "standard accrual"},
    "period": {"name": "2024Q2", "start": "2024-04-01", "end": "2024-06-30"},
    "rates": {"reverse_charge_pct": "20"},
    "input": {"sales": "ledgers/sales_daybook_2024Q2.csv", "purchases": "ledgers/purchase_daybook_2024Q2.csv",
              "piva": "hmrc/piva_statements_2024Q2.csv", "blocked_categories": "entertainment, car"},
    "output": {"return_file": "returns/vat_return_2024Q2.json"},
}
cfg = configparser.ConfigParser()
try:
    if not cfg.read("config/vat.ini", encoding="utf-8"):
        verdict(False, "missing", "config/vat.ini", "the config is gone")
except configparser.Error as e:
    verdict(False, "unparsable", "valid INI", str(e))
observed = {s: dict(cfg[s]) for s in cfg.sections()}
if observed != EXPECTED:
    diff = {s: observed.get(s) for s in set(observed) | set(EXPECTED) if observed.get(s) != EXPECTED.get(s)}
    verdict(False, diff, {s: EXPECTED.get(s) for s in diff}, "config/vat.ini must not change")
verdict(True, "unchanged", "unchanged", "config untouched")
