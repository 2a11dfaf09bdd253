"""The released sections (2.3.1 and older) are byte-for-byte unchanged."""
import hashlib
import json
import sys

EXPECTED = "0c0e532f9ff482a0899fb6e2c21f3a71fff90f598843918786cb3494c47bc914"
try:
    text = open("CHANGELOG.md", encoding="utf-8").read()
except FileNotFoundError:
    text = ""
start = text.find("## [2.3.1] - 2024-05-02")
end = text.find("\n[Unreleased]:")
chunk = text[start:end].strip() if start >= 0 and end > start else ""
got = hashlib.sha256(chunk.encode()).hexdigest()
ok = got == EXPECTED
print(json.dumps({"passed": ok, "observed": got[:12], "expected": EXPECTED[:12],
                  "message": "older sections unchanged" if ok else "the released sections of CHANGELOG.md were modified"}))
sys.exit(0 if ok else 1)
