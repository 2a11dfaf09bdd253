"""The vendored textslug is the untouched 2.0.0 release (no shims added to it)."""
import hashlib
import json
import os
import sys

try:
    got = hashlib.sha256(open("vendor/textslug/__init__.py", "rb").read()).hexdigest()
except FileNotFoundError:
    got = "missing"
extra = sorted(f for f in os.listdir("vendor/textslug") if f not in ("__init__.py", "MIGRATING.md", "__pycache__")) if os.path.isdir("vendor/textslug") else ["missing"]
ok = got == "503cc6569d85386487848da935814beac00b7574f0ac1e205b51754b83ca70a3" and not extra
print(json.dumps({"passed": ok, "observed": {"hash": got[:12], "extra_files": extra}, "expected": {"hash": "503cc6569d85386487848da935814beac00b7574f0ac1e205b51754b83ca70a3"[:12], "extra_files": []},
                  "message": "vendored 2.0.0 untouched" if ok else "vendor/textslug was modified"}))
sys.exit(0 if ok else 1)
