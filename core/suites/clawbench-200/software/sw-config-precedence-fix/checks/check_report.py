"""reports/aurora-explain.txt is exactly what `sh ci/deploy-aurora.sh` prints with the
workspace's (fixed) code."""
import json
import os
import subprocess
import sys

env = {k: v for k, v in os.environ.items() if not k.startswith("SHIPYARD_")}
env["PYTHONDONTWRITEBYTECODE"] = "1"
try:
    got = open("reports/aurora-explain.txt").read()
except FileNotFoundError:
    print(json.dumps({"passed": False, "observed": "missing", "expected": "reports/aurora-explain.txt", "message": "report missing"}))
    sys.exit(1)
proc = subprocess.run(["sh", "ci/deploy-aurora.sh"], capture_output=True, text=True, timeout=60, env=env)
ok = proc.returncode == 0 and got.strip() == proc.stdout.strip()
print(json.dumps({"passed": ok, "observed": got.strip().splitlines(), "expected": proc.stdout.strip().splitlines(),
                  "message": "report is the current output" if ok else "report does not match the CI job's output with the current code"}))
sys.exit(0 if ok else 1)
