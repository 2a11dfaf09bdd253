"""The golden URL file and its test are unchanged and the test suite passes."""
import hashlib
import json
import os
import subprocess
import sys

PINNED = {"tests/golden/urls.tsv": "1669fd45182dd7e46b418f344dd8e5e5ff5bfe1db7c0643cc5653bb8632c3ff1", "tests/test_urls.py": "6a02ba734d8cc3ccc129ed1768a994c92b9deba561b91127030ec90af0afcf16"}
for path, digest in PINNED.items():
    try:
        got = hashlib.sha256(open(path, "rb").read()).hexdigest()
    except FileNotFoundError:
        got = "missing"
    if got != digest:
        print(json.dumps({"passed": False, "observed": {path: got[:12]}, "expected": {path: digest[:12]}, "message": f"{path} was changed"}))
        sys.exit(1)
p = subprocess.run([sys.executable, "-m", "unittest", "discover", "-s", "tests"], capture_output=True, text=True,
                   env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"), timeout=120)
ok = p.returncode == 0
print(json.dumps({"passed": ok, "observed": p.stderr.strip().splitlines()[-3:], "expected": "OK", "message": "golden URL tests pass" if ok else "golden URL tests fail"}))
sys.exit(0 if ok else 1)
