"""signatures/out holds exactly the re-rendered signatures of the current staff."""
import json, os, sys

def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)

exp = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", "."), "expected.json")))["out"]
d = "signatures/out"
got = sorted(os.listdir(d)) if os.path.isdir(d) else []
if got != sorted(exp):
    verdict(False, got, sorted(exp), "out/ must hold a .txt and .html per current person and nothing else")
bad = [f for f in got if open(os.path.join(d, f), encoding="utf-8").read() != exp[f]]
verdict(not bad, bad, [], "out files differ from a render of the updated YAML" if bad else "all signatures re-rendered")
