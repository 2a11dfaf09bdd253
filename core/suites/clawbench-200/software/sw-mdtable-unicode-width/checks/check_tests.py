"""The project's test suite passes."""
import json
import os
import re
import subprocess
import sys

env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PYTHONPATH=os.path.abspath("src"))
proc = subprocess.run([sys.executable, "-m", "unittest", "discover", "-s", "tests", "-t", "."], capture_output=True, text=True, timeout=120, env=env)
ran = re.search(r"^Ran (\d+)", proc.stderr, re.M)
ok = proc.returncode == 0 and bool(ran)
print(json.dumps({"passed": ok, "observed": f"exit {proc.returncode}, {ran.group(1) if ran else 0} tests", "expected": "exit 0",
                  "message": "tests pass" if ok else (proc.stderr.strip().splitlines() or ["?"])[-1]}))
sys.exit(0 if ok else 1)
