"""index.json holds every old decision unchanged except superseded statuses, plus the new ones."""
import json, os, sys

def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)

exp = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", "."), "expected.json")))
try:
    got = json.load(open("decisions/index.json", encoding="utf-8"))
except Exception as e:
    verdict(False, "unparsable", "valid JSON", str(e))
g = got.get("decisions") if isinstance(got, dict) else None
if not isinstance(g, list):
    verdict(False, type(g).__name__, "list", "decisions is not a list")
if [d.get("id") for d in g] != [d["id"] for d in exp["decisions"]]:
    verdict(False, [d.get("id") for d in g][-8:], [d["id"] for d in exp["decisions"]][-8:], "wrong set or order of IDs")
for a, b in zip(g, exp["decisions"]):
    if a != b:
        verdict(False, a, b, f"{b['id']} differs")
verdict(True, len(g), len(exp["decisions"]), "index.json right")
