"""team/roster.yaml: Yusuf on leave with load 0, recipients' loads raised by the handed-over points,
nothing else changed."""
import json
import os
import sys

import yaml


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


want = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected_handoff.json")))["roster"]
try:
    got = yaml.safe_load(open("team/roster.yaml", encoding="utf-8"))
except FileNotFoundError:
    verdict(False, "missing", "team/roster.yaml", "the roster is gone")
except yaml.YAMLError as e:
    verdict(False, "invalid YAML", "valid YAML", str(e).splitlines()[0])


def norm(x):
    if isinstance(x, dict):
        return {k: norm(v) for k, v in x.items()}
    if isinstance(x, list):
        return [norm(v) for v in x]
    if hasattr(x, "isoformat"):
        return x.isoformat()
    return x


got = norm(got)
if {k: v for k, v in (got or {}).items() if k != "people"} != {k: v for k, v in want.items() if k != "people"}:
    verdict(False, "top-level changed", "unchanged", "only people entries may change")
gp = {p.get("handle"): p for p in got.get("people", []) if isinstance(p, dict)}
for w in want["people"]:
    g = gp.get(w["handle"])
    if g != w:
        diff = {k: (g or {}).get(k) for k in set(g or {}) | set(w) if (g or {}).get(k) != w.get(k)}
        verdict(False, {w["handle"]: diff}, {w["handle"]: {k: w.get(k) for k in diff}}, f"{w['handle']}'s roster entry is not as the rules require")
if len(gp) != len(want["people"]):
    verdict(False, sorted(gp), [p["handle"] for p in want["people"]], "people were added or removed")
verdict(True, {p["handle"]: p["current_load"] for p in want["people"]}, "loads", "roster updated")
