"""tests/test_imports.py exists, passes on the fixed package, and fails when the original
models.py and calc.py (with the import cycle) are put back."""
import json
import os
import shutil
import subprocess
import sys
import tempfile

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))


def verdict(ok, observed, message):
    print(json.dumps({"passed": ok, "observed": observed, "expected": "passes when fixed, fails with the cycle", "message": message}))
    sys.exit(0 if ok else 1)


def run(root):
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PYTHONPATH=root)
    p = subprocess.run([sys.executable, "-m", "unittest", "tests.test_imports"], cwd=root, capture_output=True, text=True, env=env, timeout=120)
    return p.returncode, (p.stderr.strip().splitlines() or ["?"])[-1]


if not os.path.isfile("tests/test_imports.py"):
    verdict(False, "missing", "tests/test_imports.py was not added")
rc, last = run(os.getcwd())
if rc != 0:
    verdict(False, last, "tests/test_imports.py fails on the fixed package")
tmp = tempfile.mkdtemp()
try:
    root = os.path.join(tmp, "ws")
    shutil.copytree(os.getcwd(), root, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(os.path.join(CHECKS, "orig_models.py"), os.path.join(root, "brewlog", "models.py"))
    shutil.copy(os.path.join(CHECKS, "orig_calc.py"), os.path.join(root, "brewlog", "calc.py"))
    rc2, last2 = run(root)
finally:
    shutil.rmtree(tmp, ignore_errors=True)
if rc2 == 0:
    verdict(False, last2, "tests/test_imports.py still passes with the circular import restored: it does not catch the bug")
verdict(True, [last, last2], "regression test catches the cycle")
