"""services/ is unchanged: the catalogue is the source of truth and is not edited."""
import hashlib
import json
import os
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
want = json.load(open(os.path.join(CHECKS, "services_hashes.json")))
now = {}
for name in sorted(os.listdir("services")) if os.path.isdir("services") else []:
    now[name] = hashlib.sha256(open(os.path.join("services", name), "rb").read()).hexdigest()
changed = sorted(n for n in set(want) | set(now) if want.get(n) != now.get(n))
ok = not changed
print(json.dumps({"passed": ok, "observed": changed, "expected": [], "message": "catalogue unchanged" if ok else "files under services/ were changed, added or removed"}))
sys.exit(0 if ok else 1)
