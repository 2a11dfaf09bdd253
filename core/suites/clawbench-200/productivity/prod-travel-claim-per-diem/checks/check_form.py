"""claim-form.yaml has the five amounts filled in and nothing else changed."""
import json, os, sys
import yaml

def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)

exp = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", "."), "expected.json")))["form"]
try:
    got = yaml.safe_load(open("claim/claim-form.yaml", encoding="utf-8"))
except Exception as e:
    verdict(False, "unparsable", "valid YAML", str(e))
def flat(d, pre=""):
    out = {}
    for k, v in d.items():
        if isinstance(v, dict):
            out.update(flat(v, pre + str(k) + "."))
        else:
            out[pre + str(k)] = str(v) if hasattr(v, "isoformat") else v
    return out
g, e = flat(got or {}), flat(exp)
diff = {}
for k in set(g) | set(e):
    a, b = g.get(k, "<missing>"), e.get(k, "<absent>")
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        if abs(a - b) > 0.005:
            diff[k] = (a, b)
    elif a != b:
        diff[k] = (a, b)
verdict(not diff, {k: v[0] for k, v in diff.items()}, {k: v[1] for k, v in diff.items()}, "claim form" + (" differs" if diff else " right"))
