"""config/commission.ini points at the 2024Q2 inputs and the FY2024 plan; approved_by is kept."""
import configparser
import json
import sys


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


EXPECTED = {
    "run": {"quarter": "2024Q2", "approved_by": "finance"},
    "input": {"deals": "crm/closed_won_2024Q2.csv", "quotas": "comp/quotas_2024Q2.csv",
              "churn_notices": "crm/churn_notices_2024Q2.csv", "paid_lines": "comp/commission_lines_2024Q1.csv"},
    "plan": {"plan_file": "comp/plan_fy2024.yaml"},
    "output": {"statements": "comp/statements_2024Q2.csv"},
}
cfg = configparser.ConfigParser()
try:
    if not cfg.read("config/commission.ini", encoding="utf-8"):
        verdict(False, "missing", "config/commission.ini", "the config is gone")
except configparser.Error as e:
    verdict(False, "unparsable", "valid INI", str(e))
observed = {s: {k: v.strip() for k, v in cfg[s].items()} for s in cfg.sections()}
if observed != EXPECTED:
    diff = {s: observed.get(s) for s in set(observed) | set(EXPECTED) if observed.get(s) != EXPECTED.get(s)}
    verdict(False, diff, {s: EXPECTED.get(s) for s in diff}, "the config must name the 2024Q2 files and the FY2024 plan")
verdict(True, observed["plan"], EXPECTED["plan"], "config set for 2024Q2")
