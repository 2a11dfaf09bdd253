""".pre-commit-config.yaml parses and equals the expected result: every rev bumped per the
policy (black held on 23.x, tag prefixes kept), flake8 moved to GitHub, additional
dependencies at PyPI's newest, and every other key unchanged."""
import json
import os
import sys

import yaml

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
want = json.load(open(os.path.join(CHECKS, "expected_config.json")))


def verdict(ok, observed, expected, message):
    print(json.dumps({"passed": ok, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if ok else 1)


try:
    got = yaml.safe_load(open(".pre-commit-config.yaml", encoding="utf-8"))
except FileNotFoundError:
    verdict(False, "missing", "present", ".pre-commit-config.yaml was removed")
except yaml.YAMLError as e:
    verdict(False, "invalid YAML", "valid YAML", str(e)[:200])
if not isinstance(got, dict) or not isinstance(got.get("repos"), list):
    verdict(False, type(got).__name__, "mapping with repos", "unexpected structure")
for key in want:
    if key != "repos" and got.get(key) != want[key]:
        verdict(False, {key: got.get(key)}, {key: want[key]}, f"top-level key {key} changed")
if set(got) != set(want):
    verdict(False, sorted(got), sorted(want), "top-level keys added or removed")
if len(got["repos"]) != len(want["repos"]):
    verdict(False, len(got["repos"]), len(want["repos"]), "repositories added or removed")
for g, w in zip(got["repos"], want["repos"]):
    url = str(g.get("repo", "")).rstrip("/")
    if url.lower() != w["repo"].lower():
        verdict(False, url, w["repo"], "repository URL (or order) is not as expected")
    if str(g.get("rev")) != w["rev"]:
        verdict(False, {w["repo"]: g.get("rev")}, {w["repo"]: w["rev"]}, "rev not as the policy requires")
    if g.get("hooks") != w["hooks"] or set(g) != set(w):
        verdict(False, {w["repo"]: g.get("hooks")}, {w["repo"]: w["hooks"]}, "hook settings or additional dependencies are not as expected")
verdict(True, [r["rev"] for r in got["repos"]], [r["rev"] for r in want["repos"]], "hook config updated per policy")
