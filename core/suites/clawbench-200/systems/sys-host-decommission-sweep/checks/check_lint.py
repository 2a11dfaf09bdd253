"""CI's linter (the original copy, not the workspace's) passes on the final workspace."""
import json
import os
import subprocess
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
proc = subprocess.run([sys.executable, os.path.join(CHECKS, "lint_configs.py")], capture_output=True, text=True, timeout=60)
lines = (proc.stdout + proc.stderr).strip().splitlines()
ok = proc.returncode == 0
print(json.dumps({"passed": ok, "observed": lines[-4:], "expected": "0 error(s)",
                  "message": "lint passes" if ok else "tools/lint_configs.py reports errors"}))
sys.exit(0 if ok else 1)
