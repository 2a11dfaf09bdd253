"""The May summary (an earlier club night's output, older format) is left as it was."""
import hashlib
import json
import sys

try:
    got = hashlib.sha256(open("out/club-summary-2024-05.csv", "rb").read()).hexdigest()
except FileNotFoundError:
    got = "missing"
ok = got == "07f41a6510f398dedf9a54cfae6ffff5dbbf29604ed30bceea02149a9bd325d8"
print(json.dumps({"passed": ok, "observed": got[:12], "expected": "07f41a6510f398dedf9a54cfae6ffff5dbbf29604ed30bceea02149a9bd325d8"[:12], "message": "May summary untouched" if ok else "out/club-summary-2024-05.csv was changed or removed"}))
sys.exit(0 if ok else 1)
