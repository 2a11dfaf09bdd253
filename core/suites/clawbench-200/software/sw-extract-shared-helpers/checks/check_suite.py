"""The project's tests pass; the helper tests live in tests/test_common.py, test the shared
functions (no test imports private report helpers) and keep every original case."""
import ast
import os
import re
import subprocess
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, CHECKS)
from _common import verdict  # noqa: E402

if not os.path.isfile("tests/test_common.py"):
    verdict(False, "missing", "tests/test_common.py", "the helper tests must move to tests/test_common.py")
private = []
names = []
for f in sorted(os.listdir("tests")):
    if not (f.startswith("test") and f.endswith(".py")):
        continue
    tree = ast.parse(open(os.path.join("tests", f), encoding="utf-8").read())
    names += [n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name.startswith("test_")]
    for n in ast.walk(tree):
        if isinstance(n, ast.ImportFrom) and (n.module or "").startswith("ledgerkit.reports"):
            private += [f"{f}: {a.name}" for a in n.names if a.name.startswith("_")]
if private:
    verdict(False, private, [], "tests still import private report helpers")
original = {"test_plain_and_thousands", "test_accounting_negative", "test_currency_markers", "test_invalid",
            "test_format", "test_folds_accents", "test_iso_and_dotted", "test_slashed", "test_aging", "test_vat", "test_payouts"}
missing = sorted(original - set(names))
if missing:
    verdict(False, missing, [], "original test cases were dropped")
env = dict(os.environ, PYTHONPATH=os.path.abspath("src"), PYTHONDONTWRITEBYTECODE="1")
proc = subprocess.run([sys.executable, "-m", "unittest", "discover", "-s", "tests", "-v"], capture_output=True, text=True, timeout=120, env=env)
ran = re.search(r"^Ran (\d+) tests?", proc.stderr, re.M)
if proc.returncode != 0 or not ran or int(ran.group(1)) < 12:
    failed = re.findall(r"^(?:FAIL|ERROR): (\S+)", proc.stderr, re.M)
    verdict(False, {"failed": failed[:6] or proc.stderr.strip().splitlines()[-3:]}, "all pass (>= 12 tests)", "the test suite does not pass")
verdict(True, f"{ran.group(1)} tests pass", "all pass", "suite passes")
