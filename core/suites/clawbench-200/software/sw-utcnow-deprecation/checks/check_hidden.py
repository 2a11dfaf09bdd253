"""Run the hidden time-handling tests against the workspace's ferrylog, with deprecation
warnings as errors (as CI does)."""
import json
import os
import re
import subprocess
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
env = dict(os.environ, PYTHONPATH=os.pathsep.join([CHECKS, os.getcwd()]), PYTHONDONTWRITEBYTECODE="1")
proc = subprocess.run([sys.executable, "-W", "error::DeprecationWarning", "-m", "unittest", "-v", "hidden_tests"],
                      capture_output=True, text=True, timeout=60, env=env, cwd="/")
failed = re.findall(r"^(?:FAIL|ERROR): (\S+)", proc.stderr, re.M)
ran = re.search(r"^Ran (\d+)", proc.stderr, re.M)
ok = proc.returncode == 0 and bool(ran)
print(json.dumps({"passed": ok, "observed": f"{ran.group(1)} passed" if ok else {"failed": failed[:8]},
                  "expected": "all pass", "message": "aware UTC everywhere, stamps unchanged" if ok else (proc.stderr.strip().splitlines() or ["?"])[-1]}))
sys.exit(0 if ok else 1)
