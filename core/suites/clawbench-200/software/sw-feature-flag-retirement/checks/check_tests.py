"""The disabled-path tests are deleted, the enabled-path tests are kept, and the suite passes."""
import json
import os
import re
import subprocess
import sys

GONE = {"test_single_card_exact", "test_single_cash_change", "test_single_rejects_two_payments", "test_legacy_receipt"}
KEPT = {"test_card_and_cash", "test_voucher_first", "test_only_cash_overpays", "test_tip_needs_tips_flag", "test_tip_on_card",
        "test_split_receipt", "test_qr_code"}
names = set()
for path in ("tests/test_checkout.py", "tests/test_receipts.py"):
    try:
        names |= set(re.findall(r"^\s+def (test_\w+)\(", open(path, encoding="utf-8").read(), re.M))
    except FileNotFoundError:
        pass
problems = []
if names & GONE:
    problems.append({"disabled-path tests left": sorted(names & GONE)})
if KEPT - names:
    problems.append({"enabled-path tests missing": sorted(KEPT - names)})
env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
env.pop("TILLPOINT_ENV", None)
p = subprocess.run([sys.executable, "-m", "unittest", "discover", "-s", "tests", "-t", "."], capture_output=True, text=True, env=env, timeout=120)
if p.returncode != 0:
    problems.append({"suite": p.stderr.strip().splitlines()[-3:]})
ok = not problems
print(json.dumps({"passed": ok, "observed": problems, "expected": [], "message": "tests cleaned up and passing" if ok else "test suite not as required"}))
sys.exit(0 if ok else 1)
