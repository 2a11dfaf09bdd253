"""setup.cfg, requirements.txt and requirements-dev.txt are deleted (ADR 0009, step 7)."""
import json
import os
import sys

left = [p for p in ("setup.cfg", "requirements.txt", "requirements-dev.txt") if os.path.exists(p)]
ok = not left
print(json.dumps({"passed": ok, "observed": left, "expected": [], "message": "legacy files removed" if ok else "legacy files still present"}))
sys.exit(0 if ok else 1)
