"""The existing tests are unchanged and the whole suite passes."""
import hashlib
import json
import os
import subprocess
import sys

WANT = {"tests/test_calc.py": "91facc6536db424fced5ba6d5d3e2062b4265162ad748d190bae1e2b2f9325b9", "tests/test_models.py": "c86009eb400f78ea6a7268a52b81a74912dbadd91d6508f06fb088460ff2b500"}
for path, digest in WANT.items():
    try:
        got = hashlib.sha256(open(path, "rb").read()).hexdigest()
    except FileNotFoundError:
        got = "missing"
    if got != digest:
        print(json.dumps({"passed": False, "observed": {path: got[:12]}, "expected": {path: digest[:12]}, "message": f"{path} was changed or removed"}))
        sys.exit(1)
env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
p = subprocess.run([sys.executable, "-m", "unittest", "discover", "-s", "tests", "-t", "."], capture_output=True, text=True, env=env, timeout=120)
tail = p.stderr.strip().splitlines()[-3:]
ok = p.returncode == 0
print(json.dumps({"passed": ok, "observed": tail, "expected": "OK", "message": "test suite passes" if ok else "test suite fails"}))
sys.exit(0 if ok else 1)
