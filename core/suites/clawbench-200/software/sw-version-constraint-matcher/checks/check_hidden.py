"""Run the hidden constraint tests (precedence, caret/tilde/wildcards incl. 0.x, OR, AND,
whitespace, prerelease opt-in, invalid constraints) against kilnhost/semver.py."""
import json
import os
import re
import subprocess
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
env = dict(os.environ, PYTHONPATH=os.pathsep.join([CHECKS, os.getcwd()]), PYTHONDONTWRITEBYTECODE="1")
p = subprocess.run([sys.executable, "-m", "unittest", "-v", "hidden_semver"], capture_output=True, text=True, env=env, timeout=120)
subs = re.findall(r"^(?:FAIL|ERROR): \w+ \([^)]*\) \((.*)\)$", p.stderr, re.M)
ok = p.returncode == 0
print(json.dumps({"passed": ok, "observed": subs[:6] or p.stderr.strip().splitlines()[-2:], "expected": "all pass",
                  "message": "matcher follows docs/constraints.md" if ok else f"{len(subs) or 'some'} hidden case(s) fail"}))
sys.exit(0 if ok else 1)
