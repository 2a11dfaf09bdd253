"""styleguide/rules.yaml loads again and every rule keeps its meaning."""
import json
import os
import sys

import yaml


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


want = yaml.safe_load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "rules.yaml")))
try:
    got = yaml.safe_load(open("styleguide/rules.yaml", encoding="utf-8"))
except FileNotFoundError:
    verdict(False, "missing", "styleguide/rules.yaml", "rules.yaml is gone")
except yaml.YAMLError as e:
    verdict(False, "invalid YAML", "valid YAML", f"rules.yaml still does not parse: {str(e).splitlines()[0]}")
if not isinstance(got, dict) or got.get("version") != want["version"]:
    verdict(False, got.get("version") if isinstance(got, dict) else got, want["version"], "version key changed")
g_rules = {r.get("id"): r for r in got.get("rules", []) if isinstance(r, dict)}
w_rules = {r["id"]: r for r in want["rules"]}
if list(g_rules) != list(w_rules):
    verdict(False, list(g_rules), list(w_rules), "rules were added, removed or reordered")
for rid, w in w_rules.items():
    if g_rules[rid] != w:
        diff = {k: g_rules[rid].get(k) for k in set(w) | set(g_rules[rid]) if g_rules[rid].get(k) != w.get(k)}
        verdict(False, {rid: diff}, {rid: {k: w.get(k) for k in diff}}, f"rule {rid} changed; only the YAML syntax may be repaired")
verdict(True, f"{len(g_rules)} rules", f"{len(w_rules)} rules", "rules.yaml parses, rules unchanged")
