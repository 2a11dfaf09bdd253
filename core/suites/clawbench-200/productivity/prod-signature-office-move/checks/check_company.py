"""company.yaml has the new address and switchboard, no fax, every other setting unchanged."""
import json, os, sys
import yaml

def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)

exp = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", "."), "expected.json")))["company"]
try:
    got = yaml.safe_load(open("signatures/company.yaml", encoding="utf-8"))
except Exception as e:
    verdict(False, "unparsable", "valid YAML", f"company.yaml does not parse: {e}")
if got == exp:
    verdict(True, got["company"]["address"], exp["company"]["address"], "company block updated, rest unchanged")
diff = {}
for k in set(exp) | set(got or {}):
    if k == "company" and isinstance(got.get(k), dict):
        for kk in set(exp[k]) | set(got[k]):
            if exp[k].get(kk) != got[k].get(kk):
                diff["company." + kk] = got[k].get(kk, "<missing>")
    elif exp.get(k) != (got or {}).get(k):
        diff[k] = (got or {}).get(k, "<missing>")
verdict(False, diff, {k: (exp["company"].get(k[8:], "<absent>") if k.startswith("company.") else exp.get(k)) for k in diff}, "company.yaml differs")
