"""Run the hidden runner tests against the workspace's shelfwise/migrate.py."""
import json
import os
import re
import subprocess
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
env = dict(os.environ, PYTHONPATH=os.pathsep.join([CHECKS, os.getcwd()]), PYTHONDONTWRITEBYTECODE="1")
proc = subprocess.run([sys.executable, "-m", "unittest", "-v", "hidden_runner_tests"], capture_output=True, text=True,
                      timeout=60, env=env, cwd="/")
failed = re.findall(r"^(?:FAIL|ERROR): (\S+)", proc.stderr, re.M)
ran = re.search(r"^Ran (\d+)", proc.stderr, re.M)
ok = proc.returncode == 0 and bool(ran)
print(json.dumps({"passed": ok, "observed": f"{ran.group(1)} passed" if ok else {"failed": failed[:6]},
                  "expected": "all pass", "message": "runner follows the rules" if ok else (proc.stderr.strip().splitlines() or ["?"])[-1]}))
sys.exit(0 if ok else 1)
