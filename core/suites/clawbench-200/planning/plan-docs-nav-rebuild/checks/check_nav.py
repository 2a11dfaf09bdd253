"""mkdocs.yml: the nav is exactly the generated one; every other key unchanged."""
import json, os, sys
import yaml


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


exp = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected.json")))
try:
    conf = yaml.safe_load(open("mkdocs.yml", encoding="utf-8"))
except Exception as e:  # noqa: BLE001
    verdict(False, str(e), "valid YAML", "mkdocs.yml does not parse")
mode = sys.argv[1] if len(sys.argv) > 1 else "nav"
if mode == "nav":
    if conf.get("nav") != exp["nav"]:
        verdict(False, conf.get("nav"), exp["nav"], "nav differs from the rules in CONTRIBUTING.md")
    verdict(True, "nav ok", "nav ok", "nav matches")
other = {k: v for k, v in conf.items() if k != "nav"}
if other != exp["other"]:
    changed = sorted(k for k in set(other) | set(exp["other"]) if other.get(k) != exp["other"].get(k))
    verdict(False, {k: other.get(k) for k in changed}, {k: exp["other"].get(k) for k in changed}, "keys other than nav were changed")
verdict(True, sorted(other), sorted(exp["other"]), "all other keys unchanged")
