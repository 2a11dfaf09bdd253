"""needs, resource_group and the cache key as OPS-412 asks; every other setting (scripts, images,
variables, environments, artifacts, stages, default) unchanged."""
import json
import os
import sys

import yaml

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
want = json.load(open(os.path.join(CHECKS, "expected_static.json")))


def verdict(ok, observed, expected, message):
    print(json.dumps({"passed": ok, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if ok else 1)


try:
    got = yaml.safe_load(open(".gitlab-ci.yml", encoding="utf-8"))
except (FileNotFoundError, yaml.YAMLError) as e:
    verdict(False, str(e)[:200], "valid YAML", ".gitlab-ci.yml missing or invalid")


def strip(cfg):
    """Everything except workflow and the rules of each job."""
    out = {}
    for key, value in cfg.items():
        if key == "workflow":
            continue
        if isinstance(value, dict):
            value = {k: v for k, v in value.items() if k != "rules"}
        out[key] = value
    return out


g = strip(got)
for key in sorted(set(g) | set(want)):
    if g.get(key) != want.get(key):
        verdict(False, {key: g.get(key)}, {key: want.get(key)}, f"{key} is not as expected (needs/resource_group/cache key added, nothing else changed)")
verdict(True, "ok", "ok", "static settings as required")
