"""The project's suite passes, keeps its three tests and has at least four new ones."""
import json
import os
import re
import subprocess
import sys

env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PYTHONPATH=os.getcwd())
src = open("tests/test_retry.py").read() if os.path.exists("tests/test_retry.py") else ""
missing = [n for n in ("test_success_first_time", "test_client_error_not_retried", "test_retries_then_succeeds") if f"def {n}(" not in src]
proc = subprocess.run([sys.executable, "-m", "unittest", "discover", "-s", "tests", "-t", "."], capture_output=True, text=True, timeout=120, env=env)
ran = re.search(r"^Ran (\d+)", proc.stderr, re.M)
n = int(ran.group(1)) if ran else 0
ok = proc.returncode == 0 and n >= 7 and not missing
print(json.dumps({"passed": ok, "observed": f"{n} tests, exit {proc.returncode}", "expected": ">= 7 tests, all pass",
                  "message": "suite extended and passing" if ok else (f"original tests removed: {missing}" if missing else "suite fails or has too few tests")}))
sys.exit(0 if ok else 1)
