"""inkpot no longer calls the 1.x API (to_ascii, dedupe, sep=/max_len= keywords, positional options)."""
import json
import re
import sys

PATTERNS = {"to_ascii": r"\bto_ascii\b", "dedupe": r"\bdedupe\s*\(", "sep=": r"\bsep\s*=", "max_len=": r"\bmax_len\s*=",
            "positional options": r"slugify\(\s*[^,()]+,\s*[\"']"}
hits = []
for path in ("inkpot/urls.py", "inkpot/feed.py"):
    try:
        text = open(path, encoding="utf-8").read()
    except FileNotFoundError:
        hits.append(f"{path}: missing")
        continue
    for name, pat in PATTERNS.items():
        if re.search(pat, text):
            hits.append(f"{path}: {name}")
ok = not hits
print(json.dumps({"passed": ok, "observed": hits, "expected": [], "message": "2.0 API only" if ok else "1.x API still used"}))
sys.exit(0 if ok else 1)
