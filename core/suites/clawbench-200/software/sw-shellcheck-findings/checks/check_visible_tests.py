"""tests/test_scripts.sh is unchanged and passes."""
import hashlib
import json
import subprocess
import sys

EXPECTED = "e4888a15e57b7bb15c9beb36e46edeeb044b1aa94b2b085e95efb9806a76525d"
try:
    got = hashlib.sha256(open("tests/test_scripts.sh", "rb").read()).hexdigest()
except FileNotFoundError:
    got = "missing"
if got != EXPECTED:
    print(json.dumps({"passed": False, "observed": got[:12], "expected": EXPECTED[:12], "message": "tests/test_scripts.sh was modified or removed"}))
    sys.exit(1)
p = subprocess.run(["bash", "tests/test_scripts.sh"], capture_output=True, text=True, timeout=60)
lines = (p.stdout + p.stderr).strip().splitlines()
ok = p.returncode == 0
print(json.dumps({"passed": ok, "observed": [l for l in lines if l.startswith("FAIL")][:5] or lines[-1:],
                  "expected": "0 failure(s)", "message": "visible tests pass" if ok else "visible tests fail"}, ensure_ascii=False))
sys.exit(0 if ok else 1)
