"""No code, config or test mentions split_payments any more (split_payments_tips is a different flag)."""
import json
import os
import re
import sys

PAT = re.compile(r"split_payments(?!_tips)")
hits = []
for top in ("tillpoint", "config", "tests"):
    for root, dirs, files in os.walk(top):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        for name in files:
            path = os.path.join(root, name)
            try:
                for n, line in enumerate(open(path, encoding="utf-8"), 1):
                    if PAT.search(line):
                        hits.append(f"{path}:{n}")
            except (UnicodeDecodeError, OSError):
                pass
ok = not hits
print(json.dumps({"passed": ok, "observed": hits[:8], "expected": [], "message": "no references left" if ok else f"{len(hits)} reference(s) to split_payments left"}))
sys.exit(0 if ok else 1)
