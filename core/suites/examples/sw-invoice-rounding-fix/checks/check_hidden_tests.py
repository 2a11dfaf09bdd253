"""Run the hidden acceptance tests (the visible suite plus more cases of the same billing
rules) against the workspace's src/invoicer."""
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
    proc = subprocess.run([sys.executable, "-m", "unittest", "-v", "hidden_tests"], capture_output=True,
                          text=True, timeout=60, env=env)
except subprocess.TimeoutExpired:
    verdict(False, "timed out", "all tests pass", "the test run took more than 60 s")
out = proc.stderr
ran = re.search(r"^Ran (\d+) tests?", out, re.M)
failed = re.findall(r"^(?:FAIL|ERROR): (\S+)", out, re.M)
if proc.returncode == 0 and ran:
    verdict(True, f"{ran.group(1)} passed", "all tests pass", "hidden acceptance tests pass")
summary = failed[:6] or (out.strip().splitlines() or ["no output"])[-3:]
verdict(False, {"failed": summary}, "all tests pass", f"{len(failed)} hidden test(s) fail")
