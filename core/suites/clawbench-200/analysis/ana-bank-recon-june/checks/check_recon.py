"""recon/recon_2024-06.json: every figure right, the detail lists consistent with their totals,
and the two adjusted balances agree (difference 0.00)."""
import json
import os
import sys

PATH = "recon/recon_2024-06.json"
CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


def num(x):
    return x if isinstance(x, (int, float)) and not isinstance(x, bool) else None


want = json.load(open(os.path.join(CHECKS, "expected_recon.json")))
if not os.path.isfile(PATH):
    verdict(False, "missing", PATH, f"{PATH} does not exist")
try:
    got = json.load(open(PATH, encoding="utf-8"))
except (json.JSONDecodeError, UnicodeDecodeError) as e:
    verdict(False, "invalid JSON", "JSON object", str(e))
if not isinstance(got, dict) or sorted(got) != sorted(want):
    verdict(False, sorted(got) if isinstance(got, dict) else got, sorted(want), "keys differ from the previous month's file")
for key in ("account", "period", "statement_file", "outstanding_checks"):
    if got[key] != want[key]:
        verdict(False, {key: got[key]}, {key: want[key]}, f"{key} differs")
for key, value in want.items():
    if isinstance(value, float):
        g = num(got[key])
        if g is None or abs(g - value) > 0.005:
            verdict(False, {key: got[key]}, {key: value}, f"{key} differs")
norm = lambda items, k: sorted((str(i.get(k)), round(float(i.get("amount", 0)), 2)) for i in items if isinstance(i, dict))
try:
    if norm(got["deposits_in_transit"], "ref") != norm(want["deposits_in_transit"], "ref"):
        verdict(False, got["deposits_in_transit"], want["deposits_in_transit"], "deposits in transit detail differs")
    if norm(got["outstanding_checks_detail"], "check") != norm(want["outstanding_checks_detail"], "check"):
        verdict(False, got["outstanding_checks_detail"], want["outstanding_checks_detail"], "outstanding checks detail differs")
except (TypeError, ValueError, AttributeError):
    verdict(False, "malformed detail lists", "lists of objects", "detail lists are malformed")
arith = [
    ("adjusted_bank_balance", got["bank_closing_balance"] + got["deposits_in_transit_total"] - got["outstanding_checks_total"]),
    ("adjusted_ledger_balance", got["ledger_closing_balance"] + got["bank_only_total"] + got["ledger_error_total"]),
    ("difference", got["adjusted_bank_balance"] - got["adjusted_ledger_balance"]),
]
for key, value in arith:
    if abs(got[key] - value) > 0.005:
        verdict(False, {key: got[key]}, {key: round(value, 2)}, f"{key} is not consistent with the other figures")
verdict(True, "all figures match", "all figures match", "reconciliation complete, difference 0.00")
