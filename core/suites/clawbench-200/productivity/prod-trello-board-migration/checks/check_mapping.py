"""mapping.yaml parses again with the same content (the tab-indented line fixed, nothing else changed)."""
import json, os, sys
import yaml

def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)

exp = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", "."), "expected.json")))["mapping"]
try:
    got = yaml.safe_load(open("import/mapping.yaml", encoding="utf-8"))
except Exception as e:
    verdict(False, "unparsable", "valid YAML", f"mapping.yaml does not parse: {str(e)[:200]}")
if got == exp and list(got["statuses"]) == list(exp["statuses"]):
    verdict(True, "parses", "parses", "mapping fixed, content unchanged")
verdict(False, got, exp, "mapping content or status order changed")
