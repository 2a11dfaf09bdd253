"""The project's own test suite passes, keeps every original test, and gained at least three
regression tests."""
import ast
import json
import os
import re
import subprocess
import sys

ORIGINAL = {"test_hours_and_minutes", "test_spaced_hours_and_minutes", "test_minutes_and_bare_numbers",
            "test_decimal_hours", "test_clock", "test_invalid", "test_pads_minutes", "test_zero",
            "test_totals_per_agent", "test_blank_duration_skipped"}


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


names = []
for root, _dirs, files in os.walk("tests"):
    for f in files:
        if f.startswith("test") and f.endswith(".py"):
            try:
                tree = ast.parse(open(os.path.join(root, f), encoding="utf-8").read())
            except SyntaxError as e:
                verdict(False, f"{f}: syntax error", "valid tests", str(e))
            names += [n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name.startswith("test")]
missing = sorted(ORIGINAL - set(names))
if missing:
    verdict(False, missing, [], "original tests were removed or renamed")
if len(names) < len(ORIGINAL) + 3:
    verdict(False, f"{len(names)} tests", f">= {len(ORIGINAL) + 3} tests", "add at least three regression tests")
env = dict(os.environ, PYTHONPATH=os.path.abspath("src"), PYTHONDONTWRITEBYTECODE="1")
proc = subprocess.run([sys.executable, "-m", "unittest", "discover", "-s", "tests", "-v"], capture_output=True, text=True, timeout=120, env=env)
ran = re.search(r"^Ran (\d+) tests?", proc.stderr, re.M)
if proc.returncode != 0 or not ran:
    failed = re.findall(r"^(?:FAIL|ERROR): (\S+)", proc.stderr, re.M)
    verdict(False, {"failed": failed[:6] or proc.stderr.strip().splitlines()[-3:]}, "all pass", "the project's tests do not pass")
verdict(True, f"{ran.group(1)} tests pass", "all pass", "visible suite passes with regression tests added")
