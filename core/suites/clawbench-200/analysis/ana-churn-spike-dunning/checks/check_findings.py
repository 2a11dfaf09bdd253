"""analysis/churn_spike_findings.json: the figures of the root-cause analysis."""
import json
import os
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


exp = json.load(open(os.path.join(CHECKS, "expected.json")))["findings"]
try:
    got = json.load(open("analysis/churn_spike_findings.json", encoding="utf-8"))
except (OSError, json.JSONDecodeError) as e:
    verdict(False, "unreadable", "analysis/churn_spike_findings.json", str(e))
if not isinstance(got, dict) or set(got) != set(exp):
    verdict(False, sorted(got) if isinstance(got, dict) else None, sorted(exp), "exactly the requested keys")
wrong = {}
for k, v in exp.items():
    g = got[k]
    if isinstance(v, str):
        ok = isinstance(g, str) and g.strip() == v
    elif isinstance(v, float):
        ok = isinstance(g, (int, float)) and abs(g - v) <= 0.006
    else:
        ok = isinstance(g, int) and not isinstance(g, bool) and g == v
    if not ok:
        wrong[k] = [g, v]
if wrong:
    verdict(False, {k: x[0] for k, x in wrong.items()}, {k: x[1] for k, x in wrong.items()}, "findings differ")
verdict(True, got, exp, "findings right")
