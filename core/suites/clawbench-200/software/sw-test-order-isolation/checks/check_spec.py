"""Run the hidden spec tests (cache invalidation by mtime/size, caching of unchanged files,
region read per call, extras never modified) against the workspace's tariffcalc."""
import json
import os
import re
import subprocess
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
env = {k: v for k, v in os.environ.items() if k != "TARIFF_REGION"}
env.update(PYTHONPATH=os.pathsep.join([CHECKS, os.getcwd()]), PYTHONDONTWRITEBYTECODE="1")
p = subprocess.run([sys.executable, "-m", "unittest", "-v", "hidden_spec"], capture_output=True, text=True, env=env, timeout=120)
failed = re.findall(r"^(?:FAIL|ERROR): (\w+)", p.stderr, re.M)
ok = p.returncode == 0
print(json.dumps({"passed": ok, "observed": failed or p.stderr.strip().splitlines()[-2:], "expected": "all pass",
                  "message": "code follows docs/tariffs.md" if ok else f"{len(failed)} spec test(s) fail"}))
sys.exit(0 if ok else 1)
