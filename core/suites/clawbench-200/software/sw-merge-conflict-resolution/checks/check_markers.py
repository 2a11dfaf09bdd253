"""No conflict markers are left in any file of the workspace."""
import json
import os
import re
import sys

MARK = re.compile(r"^(?:<{7}|={7}|>{7}|\|{7})(?:\s|$)", re.M)
hits = []
for root, dirs, files in os.walk("."):
    dirs[:] = [d for d in dirs if d not in (".git", "__pycache__")]
    for name in files:
        path = os.path.join(root, name)
        try:
            text = open(path, encoding="utf-8").read()
        except (UnicodeDecodeError, OSError):
            continue
        for m in MARK.finditer(text):
            hits.append(f"{path[2:]}:{text.count(chr(10), 0, m.start()) + 1}")
ok = not hits
print(json.dumps({"passed": ok, "observed": hits[:10], "expected": [], "message": "no conflict markers" if ok else f"{len(hits)} conflict marker line(s) left"}))
sys.exit(0 if ok else 1)
