"""Run the hidden acceptance tests against the workspace's src/."""
import json
import os
import re
import subprocess
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


env = dict(os.environ, PYTHONPATH=os.pathsep.join([CHECKS, os.path.abspath("src")]), PYTHONDONTWRITEBYTECODE="1")
try:
    proc = subprocess.run([sys.executable, "-m", "unittest", "-v", "hidden_tests"], capture_output=True, text=True, timeout=60, env=env)
except subprocess.TimeoutExpired:
    verdict(False, "timed out", "all pass", "hidden tests took more than 60 s")
failed = re.findall(r"^(?:FAIL|ERROR): (\S+)", proc.stderr, re.M)
if proc.returncode == 0:
    verdict(True, "all passed", "all pass", "hidden acceptance tests pass")
verdict(False, {"failed": failed[:6] or proc.stderr.strip().splitlines()[-3:]}, "all pass", f"{len(failed)} hidden test(s) fail")
