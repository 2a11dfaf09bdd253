"""tests/test_semver.py keeps its seven tests, has at least four more, passes, and fails
against the original semver.py."""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
OLD = {"test_parse", "test_prerelease_before_release", "test_invalid", "test_caret", "test_tilde", "test_and", "test_exact"}


def verdict(ok, observed, message):
    print(json.dumps({"passed": ok, "observed": observed, "expected": "old tests kept, >= 4 new, pass now, fail on the old code", "message": message}))
    sys.exit(0 if ok else 1)


try:
    src = open("tests/test_semver.py", encoding="utf-8").read()
except FileNotFoundError:
    verdict(False, "missing", "tests/test_semver.py is gone")
names = set(re.findall(r"^\s+def (test_\w+)\(", src, re.M))
other = set()
for f in os.listdir("tests"):
    if f.startswith("test_") and f.endswith(".py") and f != "test_semver.py":
        other |= set(re.findall(r"^\s+def (test_\w+)\(", open(os.path.join("tests", f), encoding="utf-8").read(), re.M))
if OLD - names:
    verdict(False, sorted(OLD - names), "existing tests were removed or renamed")
if len((names | other) - OLD) < 4:
    verdict(False, sorted((names | other) - OLD), "fewer than four new tests")


def run(root):
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    return subprocess.run([sys.executable, "-m", "unittest", "discover", "-s", "tests", "-t", "."], cwd=root, capture_output=True, text=True, env=env, timeout=120)


p = run(os.getcwd())
if p.returncode != 0:
    verdict(False, p.stderr.strip().splitlines()[-3:], "the test suite fails")
tmp = tempfile.mkdtemp()
try:
    root = os.path.join(tmp, "ws")
    shutil.copytree(os.getcwd(), root, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(os.path.join(CHECKS, "orig_semver.py"), os.path.join(root, "kilnhost", "semver.py"))
    q = run(root)
finally:
    shutil.rmtree(tmp, ignore_errors=True)
if q.returncode == 0:
    verdict(False, "suite passes on the original semver.py", "the new tests do not catch the original bugs")
verdict(True, sorted(names - OLD), "tests extended and meaningful")
