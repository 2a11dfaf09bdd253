"""Both workflows parse and match the policy: quoted matrix 3.9-3.12, checkout@v4 and
setup-python@v5, a timeout of at most 20 minutes on every job, 3.12 for single-version jobs,
and every other key and step unchanged."""
import json
import os
import sys

import yaml

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
want = json.load(open(os.path.join(CHECKS, "expected_workflows.json")))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}, default=str))
    sys.exit(0 if passed else 1)


for name, exp in want.items():
    path = f".github/workflows/{name}"
    try:
        doc = yaml.safe_load(open(path, encoding="utf-8"))
    except FileNotFoundError:
        verdict(False, "missing", path, f"{path} was removed")
    except yaml.YAMLError as e:
        verdict(False, "invalid YAML", "valid YAML", f"{path}: {str(e).splitlines()[0]}")
    if not isinstance(doc, dict):
        verdict(False, type(doc).__name__, "mapping", f"{path} is not a mapping")
    if True in doc:  # YAML 1.1 reads the `on:` key as true
        doc["on"] = doc.pop(True)
    for job_name, job in (doc.get("jobs") or {}).items():
        t = job.pop("timeout-minutes", None) if isinstance(job, dict) else None
        if isinstance(t, bool) or not isinstance(t, int) or not 0 < t <= 20:
            verdict(False, {job_name: t}, "1..20", f"{path}: job {job_name} needs timeout-minutes of at most 20")
    for key in sorted(set(doc) | set(exp)):
        if doc.get(key) != exp.get(key):
            if key == "jobs" and isinstance(doc.get("jobs"), dict):
                for j in sorted(set(doc["jobs"]) | set(exp["jobs"])):
                    gj, wj = doc["jobs"].get(j), exp["jobs"].get(j)
                    if gj != wj:
                        verdict(False, gj, wj, f"{path}: job {j} is not as the policy requires (or other keys changed)")
            verdict(False, {key: doc.get(key)}, {key: exp.get(key)}, f"{path}: {key} differs")
verdict(True, "2 workflows", "2 workflows", "workflows parse and follow the policy")
