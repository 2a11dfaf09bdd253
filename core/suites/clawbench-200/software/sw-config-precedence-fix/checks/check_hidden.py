"""Run the hidden configuration tests against the workspace's shipyard package."""
import json
import os
import re
import subprocess
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
env = {k: v for k, v in os.environ.items() if not k.startswith("SHIPYARD_")}
env.update(PYTHONPATH=os.pathsep.join([CHECKS, os.getcwd()]), PYTHONDONTWRITEBYTECODE="1")
proc = subprocess.run([sys.executable, "-m", "unittest", "-v", "hidden_tests"], capture_output=True, text=True, timeout=60, env=env, cwd="/")
failed = re.findall(r"^(?:FAIL|ERROR): (\S+)", proc.stderr, re.M)
ran = re.search(r"^Ran (\d+)", proc.stderr, re.M)
ok = proc.returncode == 0 and bool(ran)
print(json.dumps({"passed": ok, "observed": f"{ran.group(1)} passed" if ok else {"failed": failed[:8]},
                  "expected": "all pass", "message": "configuration rules implemented" if ok else (proc.stderr.strip().splitlines() or ["?"])[-1]}))
sys.exit(0 if ok else 1)
