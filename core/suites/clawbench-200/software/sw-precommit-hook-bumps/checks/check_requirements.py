"""requirements-dev.txt mirrors the new hook versions and leaves every other requirement line as it was."""
import json
import os
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))


def lines(path):
    return sorted(l.strip() for l in open(path, encoding="utf-8") if l.strip() and not l.strip().startswith("#"))


want = lines(os.path.join(CHECKS, "expected_requirements.txt"))
try:
    got = lines("requirements-dev.txt")
except FileNotFoundError:
    got = None
ok = got == want
missing = sorted(set(want) - set(got or []))
extra = sorted(set(got or []) - set(want))
print(json.dumps({"passed": ok, "observed": extra, "expected": missing,
                  "message": "requirements-dev.txt pins match" if ok else "requirements-dev.txt pins differ (observed: unexpected lines, expected: missing lines)"}))
sys.exit(0 if ok else 1)
