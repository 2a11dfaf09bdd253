"""tests/test_payout_sql.py is unchanged and passes."""
import hashlib
import json
import os
import subprocess
import sys

try:
    got = hashlib.sha256(open("tests/test_payout_sql.py", "rb").read()).hexdigest()
except FileNotFoundError:
    got = "missing"
if got != "050f29e48d0c72d7cb05553f712665a0ac28b6e7501bfc97b9a595420e8c54ba":
    print(json.dumps({"passed": False, "observed": got[:12], "expected": "050f29e48d0c72d7cb05553f712665a0ac28b6e7501bfc97b9a595420e8c54ba"[:12], "message": "the test file was changed"}))
    sys.exit(1)
p = subprocess.run([sys.executable, "-m", "unittest", "discover", "-s", "tests"], capture_output=True, text=True,
                   env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"), timeout=120)
ok = p.returncode == 0
print(json.dumps({"passed": ok, "observed": p.stderr.strip().splitlines()[-3:], "expected": "OK", "message": "query tests pass" if ok else "query tests fail"}))
sys.exit(0 if ok else 1)
