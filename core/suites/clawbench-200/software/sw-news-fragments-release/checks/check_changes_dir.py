"""changes/ holds only README.md and _template.md (a .gitkeep is tolerated): every fragment,
misc and the mistyped one included, was consumed, and the two non-fragments were kept."""
import json
import os
import sys

want = {"README.md", "_template.md"}
try:
    got = set(os.listdir("changes")) - {".gitkeep"}
except FileNotFoundError:
    got = set()
ok = got == want
print(json.dumps({"passed": ok, "observed": sorted(got), "expected": sorted(want),
                  "message": "fragments consumed" if ok else "changes/ should hold exactly README.md and _template.md"}))
sys.exit(0 if ok else 1)
