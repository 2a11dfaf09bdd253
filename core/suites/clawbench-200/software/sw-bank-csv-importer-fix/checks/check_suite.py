"""The project's own test suite passes, keeps the three original tests and has at least three
new tests (six or more in total)."""
import json
import os
import re
import subprocess
import sys

env = dict(os.environ, PYTHONPATH=os.path.abspath("src"), PYTHONDONTWRITEBYTECODE="1")
src = open("tests/test_parser.py").read() if os.path.exists("tests/test_parser.py") else ""
missing = [n for n in ("test_amount", "test_date", "test_statement") if not re.search(rf"def {n}\(", src)]
proc = subprocess.run([sys.executable, "-m", "unittest", "discover", "-s", "tests", "-t", "."], capture_output=True,
                      text=True, timeout=120, env=env)
ran = re.search(r"^Ran (\d+)", proc.stderr, re.M)
n = int(ran.group(1)) if ran else 0
ok = proc.returncode == 0 and n >= 6 and not missing
msg = "suite passes with new tests" if ok else (
    f"original tests removed: {missing}" if missing else f"exit {proc.returncode}, {n} tests run (need >= 6 passing)")
print(json.dumps({"passed": ok, "observed": f"{n} tests, exit {proc.returncode}", "expected": ">= 6 tests, all pass", "message": msg}))
sys.exit(0 if ok else 1)
