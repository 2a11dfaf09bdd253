"""The project's unit tests pass and include at least one new (regression) test."""
import json
import os
import re
import subprocess
import sys

env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PYTHONPATH=os.getcwd())
proc = subprocess.run([sys.executable, "-m", "unittest", "discover", "-s", "tests", "-t", "."], capture_output=True, text=True, timeout=120, env=env)
ran = re.search(r"^Ran (\d+)", proc.stderr, re.M)
ok = proc.returncode == 0 and bool(ran) and int(ran.group(1)) >= 2
print(json.dumps({"passed": ok, "observed": f"exit {proc.returncode}, {ran.group(1) if ran else 0} tests", "expected": "exit 0, >= 2 tests",
                  "message": "tests pass" if ok else (proc.stderr.strip().splitlines() or ["?"])[-1]}))
sys.exit(0 if ok else 1)
