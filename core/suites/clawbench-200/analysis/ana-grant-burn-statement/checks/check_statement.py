"""Every figure of reports/statement_2024-06.json matches the interim statement method."""
import json
import os
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


exp = json.load(open(os.path.join(CHECKS, "expected.json")))
try:
    got = json.load(open("reports/statement_2024-06.json", encoding="utf-8"))
except FileNotFoundError:
    verdict(False, "missing", "reports/statement_2024-06.json", "the statement was not written")
except json.JSONDecodeError as e:
    verdict(False, "invalid JSON", "JSON object", str(e))


def num(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


for cat, block in exp["categories"].items():
    g = (got.get("categories") or {}).get(cat)
    if not isinstance(g, dict):
        verdict(False, None, cat, f"category {cat} missing")
    for key, value in block.items():
        if not num(g.get(key)) or abs(g[key] - value) > 0.011:
            verdict(False, {cat: {key: g.get(key)}}, {cat: {key: value}}, f"{cat}.{key} differs")
for key in ("months_elapsed", "time_elapsed_pct", "direct_spent", "indirect_spent", "total_spent", "total_budget"):
    if not num(got.get(key)) or abs(got[key] - exp[key]) > 0.011:
        verdict(False, {key: got.get(key)}, {key: exp[key]}, f"{key} differs")
if got.get("overspend_risk") != exp["overspend_risk"]:
    verdict(False, got.get("overspend_risk"), exp["overspend_risk"], "overspend_risk differs")
verdict(True, "all figures", "all figures", "statement matches the method")
