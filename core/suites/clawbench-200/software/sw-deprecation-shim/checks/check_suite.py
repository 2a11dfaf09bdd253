"""The project's suite passes with DeprecationWarning as an error (sh run_tests.sh) and
still has at least as many tests as before."""
import json
import os
import re
import subprocess
import sys


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


env = dict(os.environ, PYTHONPATH=os.path.abspath("src"), PYTHONDONTWRITEBYTECODE="1")
proc = subprocess.run([sys.executable, "-W", "error::DeprecationWarning", "-m", "unittest", "discover", "-s", "tests", "-v"],
                      capture_output=True, text=True, timeout=120, env=env)
ran = re.search(r"^Ran (\d+) tests?", proc.stderr, re.M)
if proc.returncode != 0 or not ran:
    failed = re.findall(r"^(?:FAIL|ERROR): (\S+)", proc.stderr, re.M)
    verdict(False, {"failed": failed[:6] or proc.stderr.strip().splitlines()[-3:]}, "all pass", "run_tests.sh fails")
if int(ran.group(1)) < 7:
    verdict(False, f"{ran.group(1)} tests", ">= 7 tests", "tests were removed")
verdict(True, f"{ran.group(1)} tests pass", "all pass", "suite passes with deprecations as errors")
