"""No *.orig/*.rej files are left, the upstream patch files are untouched, and docpress's
tests are unchanged and pass."""
import hashlib
import json
import os
import subprocess
import sys

PINNED = {
    "patches/upstream/0001-Treat-code-spans-as-literal-text.patch": "4f6678ac94327df9fbd5767a69c9d4f4e62ceb44ce5260e8d1587df4aefee597",
    "patches/upstream/0002-Add-strikethrough.patch": "050b47784ee0f63f6553236434b5b71d758655ad614a81cc8dbf7f726897e077",
    "patches/upstream/0003-Escape-double-quotes-in-escape_html-GHSA-mm42-7xq3.patch": "0977c73493fb4afb449ad95b31f520d601e7eb561edff42af36eee7968ba99b3",
    "patches/upstream/0004-Release-0.9.2.patch": "614538bd6ca41e5df74c945a36553562f925bbf91bdb3a9de12d545b032c6a4e",
    "tests/test_pages.py": "71b05af6b784239a9674560e9d4011f511adf7ceb80ababff28edbd5d63895cc",
}
problems = []
for root, dirs, files in os.walk("."):
    for f in files:
        if f.endswith((".orig", ".rej")):
            problems.append(f"left over: {os.path.join(root, f)[2:]}")
for path, digest in PINNED.items():
    try:
        got = hashlib.sha256(open(path, "rb").read()).hexdigest()
    except FileNotFoundError:
        got = "missing"
    if got != digest:
        problems.append(f"changed: {path}")
p = subprocess.run([sys.executable, "-m", "unittest", "discover", "-s", "tests"], capture_output=True, text=True, timeout=120,
                   env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"))
if p.returncode != 0:
    problems.append("docpress tests fail: " + " ".join(p.stderr.strip().splitlines()[-1:]))
ok = not problems
print(json.dumps({"passed": ok, "observed": problems[:6], "expected": [], "message": "tree clean, tests pass" if ok else "leftovers, changed inputs or failing tests"}))
sys.exit(0 if ok else 1)
