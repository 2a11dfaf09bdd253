"""Run the hidden behaviour tests against the workspace's tillpoint."""
import json
import os
import re
import subprocess
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
env = dict(os.environ, PYTHONPATH=os.pathsep.join([CHECKS, os.getcwd()]), PYTHONDONTWRITEBYTECODE="1")
env.pop("TILLPOINT_ENV", None)
p = subprocess.run([sys.executable, "-m", "unittest", "-v", "hidden_behaviour"], capture_output=True, text=True, env=env, timeout=120)
failed = re.findall(r"^(?:FAIL|ERROR): (\w+)", p.stderr, re.M)
ok = p.returncode == 0
print(json.dumps({"passed": ok, "observed": failed or p.stderr.strip().splitlines()[-2:], "expected": "all pass",
                  "message": "flag retired, behaviour as if always on" if ok else f"{len(failed)} behaviour test(s) fail"}))
sys.exit(0 if ok else 1)
