"""The config passes the validator (same rules as `sshd -t`), run from the hidden copy."""
import json
import os
import subprocess
import sys

script = os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__))), "sshd_validate.py")
proc = subprocess.run([sys.executable, script], capture_output=True, text=True, timeout=30)
errors = [l for l in proc.stderr.splitlines() if l.strip()]
print(json.dumps({"passed": proc.returncode == 0, "observed": errors[:3] or "OK", "expected": "OK",
                  "message": "configuration OK" if proc.returncode == 0 else "sshd would refuse this config"}))
sys.exit(proc.returncode)
