"""The CI workflow installs with .[dev] and builds with python -m build; nothing else changed."""
import json
import os
import sys

import yaml

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
want = json.load(open(os.path.join(CHECKS, "expected_ci.json")))
try:
    got = json.loads(json.dumps(yaml.safe_load(open(".github/workflows/ci.yml", encoding="utf-8"))))
except (FileNotFoundError, yaml.YAMLError) as e:
    print(json.dumps({"passed": False, "observed": str(e)[:160], "expected": "valid workflow", "message": "ci.yml missing or invalid"}))
    sys.exit(1)


def norm_run(step):
    if "run" in step:
        lines = [" ".join(l.replace("'", '"').split()) for l in str(step["run"]).strip().splitlines() if l.strip()]
        step = {**step, "run": lines}
    return step


def norm(doc):
    for job in doc.get("jobs", {}).values():
        job["steps"] = [norm_run(s) for s in job.get("steps", [])]
    return doc


g, w = norm(got), norm(want)
problems = []
for job in w["jobs"]:
    gs = g.get("jobs", {}).get(job, {}).get("steps", [])
    ws = w["jobs"][job]["steps"]
    if gs != ws:
        problems.append({job: [s for s in gs if s not in ws]})
g2 = {k: v for k, v in g.items() if k != "jobs"}
w2 = {k: v for k, v in w.items() if k != "jobs"}
gj = {j: {k: v for k, v in d.items() if k != "steps"} for j, d in g.get("jobs", {}).items()}
wj = {j: {k: v for k, v in d.items() if k != "steps"} for j, d in w["jobs"].items()}
if g2 != w2 or gj != wj:
    problems.append("workflow settings other than the two steps changed")
ok = not problems
print(json.dumps({"passed": ok, "observed": problems[:3], "expected": [], "message": "CI updated" if ok else "CI workflow not as ADR 0009 says"}))
sys.exit(0 if ok else 1)
