"""students/sam-okoro/plan.yaml is exactly the plan PLANNING-RULES.md gives for Sam."""
import json, os, sys
import yaml


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


want = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected.json")))["plan"]
try:
    got = yaml.safe_load(open("students/sam-okoro/plan.yaml", encoding="utf-8"))
except Exception as e:  # noqa: BLE001
    verdict(False, str(e), "valid YAML", "students/sam-okoro/plan.yaml missing or invalid")
if not isinstance(got, dict) or got.get("terms") != want["terms"]:
    gt = [(t.get("term"), t.get("courses")) for t in (got or {}).get("terms", []) if isinstance(t, dict)] if isinstance(got, dict) else got
    verdict(False, gt, [(t["term"], t["courses"]) for t in want["terms"]], "terms differ from the rules")
for k in ("student", "graduation_term", "total_credits"):
    if got.get(k) != want[k]:
        verdict(False, {k: got.get(k)}, {k: want[k]}, f"{k} is wrong")
verdict(True, f"{len(want['terms'])} terms", f"{len(want['terms'])} terms", "Sam's plan matches")
