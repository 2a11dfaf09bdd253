"""max_duration_hours is gone from code, config, tests and docs (the changelog may mention the rename)."""
import json
import os
import sys

hits = []
for top in ("src", "config", "tests", "docs"):
    for root, dirs, files in os.walk(top):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        for name in files:
            path = os.path.join(root, name)
            try:
                for n, line in enumerate(open(path, encoding="utf-8"), start=1):
                    if "max_duration_hours" in line:
                        hits.append(f"{path}:{n}")
            except (UnicodeDecodeError, OSError):
                pass
ok = not hits
print(json.dumps({"passed": ok, "observed": hits[:8], "expected": [], "message": "old key gone" if ok else "max_duration_hours still referenced"}))
sys.exit(0 if ok else 1)
