"""Run the hidden acceptance tests against the merged src/roomie."""
import json
import os
import re
import subprocess
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
env = dict(os.environ, PYTHONPATH=os.pathsep.join([CHECKS, os.path.abspath("src")]), PYTHONDONTWRITEBYTECODE="1",
           ROOMIE_WS=os.getcwd(), LC_ALL="C")
env.pop("ROOMIE_CONFIG", None)
try:
    p = subprocess.run([sys.executable, "-m", "unittest", "-v", "hidden_tests"], capture_output=True, text=True, timeout=120, env=env)
except subprocess.TimeoutExpired:
    print(json.dumps({"passed": False, "observed": "timeout", "expected": "pass", "message": "hidden tests timed out"}))
    sys.exit(1)
failed = re.findall(r"^(?:FAIL|ERROR): (\S+)", p.stderr, re.M)
ok = p.returncode == 0
print(json.dumps({"passed": ok, "observed": failed[:8] or p.stderr.strip().splitlines()[-2:], "expected": "all pass",
                  "message": "merged behaviour correct" if ok else f"{len(failed)} hidden test(s) fail"}))
sys.exit(0 if ok else 1)
