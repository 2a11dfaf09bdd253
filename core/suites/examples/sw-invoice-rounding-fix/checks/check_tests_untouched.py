"""tests/test_totals.py is exactly as it was: the fix is in src/ and config/, not in the tests."""
import hashlib
import json
import sys

EXPECTED = "9efb868eec731cdb85ca0544ce0b43f6ab1d040f8bbbef2305bcd2c165af1de0"
try:
    got = hashlib.sha256(open("tests/test_totals.py", "rb").read()).hexdigest()
except FileNotFoundError:
    got = "missing"
ok = got == EXPECTED
print(json.dumps({"passed": ok, "observed": got[:12], "expected": EXPECTED[:12],
                  "message": "tests unchanged" if ok else "tests/test_totals.py was modified or removed"}))
sys.exit(0 if ok else 1)
