"""The Makefile parses, `make lint` and `make test` succeed, and neither the lint tool nor the
tests were edited to get there."""
import hashlib
import json
import subprocess
import sys

PINNED = {"tools/lint.py": "60aee33f27d1c118fbe7c2d9e3633c00976a07460c4d2119c3ce2395f120fe94", "tests/test_validate.py": "a6ded936fb1faee3e13d5b55c12d0879031f8ed655e568a3ff0ad67c2cb14b2c"}


def verdict(ok, observed, expected, message):
    print(json.dumps({"passed": ok, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if ok else 1)


for path, digest in PINNED.items():
    try:
        got = hashlib.sha256(open(path, "rb").read()).hexdigest()
    except FileNotFoundError:
        got = "missing"
    if got != digest:
        verdict(False, {path: got[:12]}, {path: digest[:12]}, f"{path} was modified, moved or removed")
p = subprocess.run(["make", "-n", "test", "lint", "feed", "dist", "clean"], capture_output=True, text=True, timeout=60)
if p.returncode != 0:
    verdict(False, p.stderr.strip()[-200:], "make -n succeeds", "the Makefile does not parse or a target is missing")
for target in ("lint", "test"):
    p = subprocess.run(["make", target], capture_output=True, text=True, timeout=120,
                       env={"PATH": "/usr/local/bin:/usr/bin:/bin", "PYTHONDONTWRITEBYTECODE": "1", "HOME": "/tmp"})
    if p.returncode != 0:
        verdict(False, (p.stdout + p.stderr).strip()[-300:], f"make {target} exits 0", f"make {target} fails")
verdict(True, "make lint, make test ok", "make lint, make test ok", "lint and tests pass through make")
