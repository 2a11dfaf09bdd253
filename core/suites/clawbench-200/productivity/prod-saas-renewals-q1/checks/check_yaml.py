"""subscriptions.yaml parses; only the cancellations/reductions that take effect are applied; nothing else changed."""
import json, os, sys
import yaml

def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)

exp = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", "."), "expected.json")))["yaml"]
try:
    got = yaml.safe_load(open("admin/subscriptions.yaml", encoding="utf-8"))
except Exception as e:
    verdict(False, "unparsable", "valid YAML", str(e))
gs = {s.get("id"): s for s in (got or {}).get("subscriptions", [])}
es = {s["id"]: s for s in exp["subscriptions"]}
if sorted(gs) != sorted(es):
    verdict(False, sorted(gs), sorted(es), "subscriptions added or removed")
for k, want in es.items():
    have = {kk: (str(v) if hasattr(v, "isoformat") else v) for kk, v in gs[k].items()}
    if have != want:
        diff = {kk: have.get(kk, "<missing>") for kk in set(have) | set(want) if have.get(kk) != want.get(kk)}
        verdict(False, {k: diff}, {k: {kk: want.get(kk, "<absent>") for kk in diff}}, f"{k} differs")
verdict(True, len(gs), len(es), "subscriptions.yaml right")
