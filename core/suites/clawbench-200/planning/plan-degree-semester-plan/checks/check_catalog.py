"""catalog/courses.yaml parses, DS-3100's prerequisite typo is corrected to MATH-2510 and
every other course is unchanged."""
import json, os, sys
import yaml


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


want = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected.json")))["catalog"]
try:
    got = yaml.safe_load(open("catalog/courses.yaml", encoding="utf-8"))
except Exception as e:  # noqa: BLE001
    verdict(False, str(e), "valid YAML", "catalog/courses.yaml missing or invalid")
g, w = got.get("courses", {}), want["courses"]
if sorted(g) != sorted(w):
    verdict(False, sorted(set(g) ^ set(w)), [], "courses added or removed")
bad = {c: g[c] for c in w if g[c] != w[c]}
if bad:
    verdict(False, bad, {c: w[c] for c in bad}, "catalog entries differ (only DS-3100's prerequisite should change)")
verdict(True, "catalog fixed", "catalog fixed", "DS-3100 requires MATH-2510; nothing else changed")
