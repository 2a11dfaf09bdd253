"""Every manifest in services/ is the expected schema 2 document (compared as YAML data), and
no manifest was added or removed."""
import glob
import json
import os
import sys

import yaml

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
want = json.load(open(os.path.join(CHECKS, "expected_services.json")))
got_names = sorted(os.path.basename(p) for p in glob.glob("services/*.yaml"))
if got_names != sorted(want):
    print(json.dumps({"passed": False, "observed": got_names, "expected": sorted(want), "message": "manifests added, removed or renamed"}))
    sys.exit(1)
wrong = []
for name, doc in want.items():
    try:
        got = yaml.safe_load(open(os.path.join("services", name), encoding="utf-8"))
    except yaml.YAMLError as e:
        got = f"invalid YAML: {e}"
    if got != doc:
        diff = sorted(k for k in set(doc) | set(got if isinstance(got, dict) else {}) if not isinstance(got, dict) or got.get(k) != doc.get(k))
        wrong.append({"file": name, "fields": diff, "got": {k: got.get(k) for k in diff} if isinstance(got, dict) else got})
ok = not wrong
print(json.dumps({"passed": ok, "observed": wrong[:4], "expected": [], "message": "all manifests on schema 2 as specified" if ok else f"{len(wrong)} manifest(s) differ"}, default=str))
sys.exit(0 if ok else 1)
