"""The project's suite passes, keeps its three tests and has at least three new ones."""
import json
import os
import re
import subprocess
import sys

env = {k: v for k, v in os.environ.items() if not k.startswith("SHIPYARD_")}
env.update(PYTHONDONTWRITEBYTECODE="1", PYTHONPATH=os.getcwd())
src = open("tests/test_settings.py").read() if os.path.exists("tests/test_settings.py") else ""
missing = [n for n in ("test_defaults", "test_file", "test_parse_list") if f"def {n}(" not in src]
proc = subprocess.run([sys.executable, "-m", "unittest", "discover", "-s", "tests", "-t", "."], capture_output=True, text=True, timeout=120, env=env)
ran = re.search(r"^Ran (\d+)", proc.stderr, re.M)
n = int(ran.group(1)) if ran else 0
ok = proc.returncode == 0 and n >= 6 and not missing
print(json.dumps({"passed": ok, "observed": f"{n} tests, exit {proc.returncode}", "expected": ">= 6 tests, all pass",
                  "message": "suite extended and passing" if ok else (f"original tests removed: {missing}" if missing else "suite fails or has too few tests")}))
sys.exit(0 if ok else 1)
