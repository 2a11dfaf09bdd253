"""config/carriers.yaml: parcelnet's retry is 4 / 2.0 / 60, everything else unchanged, and
courierkit.config.load() still builds the policies."""
import json
import os
import sys

import yaml

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
EXP = json.load(open(os.path.join(CHECKS, "expected_config.json")))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


try:
    got = yaml.safe_load(open("config/carriers.yaml"))
except (FileNotFoundError, yaml.YAMLError) as e:
    verdict(False, repr(e), "valid YAML", "config/carriers.yaml missing or invalid")
if got != EXP["after"]:
    diffs = []
    for section in ("defaults", "carriers"):
        g, w = (got or {}).get(section), EXP["after"][section]
        if g != w:
            if isinstance(g, dict) and section == "carriers":
                diffs += [f"carriers.{k}: {g.get(k)}" for k in sorted(set(g) | set(w)) if g.get(k) != w.get(k)]
            else:
                diffs.append(f"{section}: {g}")
    verdict(False, diffs[:4], "parcelnet retry 4/2.0/60, rest unchanged", "carriers.yaml differs from the expected change")
sys.path.insert(0, os.getcwd())
sys.dont_write_bytecode = True
try:
    from courierkit import config
    policies = config.load("config/carriers.yaml")
    p = policies["parcelnet"]["retry"]
    assert (p.max_attempts, p.base_delay, p.max_delay) == (4, 2.0, 60)
except Exception as e:
    verdict(False, f"{type(e).__name__}: {e}", "loads", "courierkit.config.load() fails on the new config")
verdict(True, "parcelnet 4/2.0/60", "parcelnet 4/2.0/60", "config changed as asked")
