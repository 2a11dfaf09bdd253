"""proto/field-registry.json is the old registry plus exactly RFC-023's entries (nothing deleted)."""
import json
import os
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
want = json.load(open(os.path.join(CHECKS, "expected_registry.json")))
try:
    got = json.load(open("proto/field-registry.json", encoding="utf-8"))
except (FileNotFoundError, json.JSONDecodeError) as e:
    print(json.dumps({"passed": False, "observed": str(e)[:160], "expected": "valid JSON", "message": "registry missing or invalid"}))
    sys.exit(1)
diff = []
for section in ("enums", "messages"):
    for owner in sorted(set(want[section]) | set(got.get(section, {}))):
        w, g = want[section].get(owner, {}), got.get(section, {}).get(owner, {})
        for member in sorted(set(w) | set(g)):
            if w.get(member) != g.get(member):
                diff.append({"entry": f"{owner}.{member}", "got": g.get(member), "want": w.get(member)})
for key in ("proto_version", "_comment"):
    if got.get(key) != want.get(key):
        diff.append({"entry": key, "got": got.get(key), "want": want.get(key)})
if set(got) != set(want):
    diff.append({"entry": "top-level keys", "got": sorted(got), "want": sorted(want)})
ok = not diff
print(json.dumps({"passed": ok, "observed": diff[:5], "expected": [], "message": "registry updated" if ok else f"{len(diff)} registry difference(s)"}))
sys.exit(0 if ok else 1)
