"""team/roster.yaml: Felix moved to alumni, Amara appended to members with all roster fields,
updated date set, every other member and key unchanged, still valid YAML."""
import json
import os
import sys

import yaml

PATH = "team/roster.yaml"
CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}, default=str))
    sys.exit(0 if passed else 1)


def norm(value):
    if isinstance(value, dict):
        return {str(k): norm(v) for k, v in value.items()}
    if isinstance(value, list):
        return [norm(v) for v in value]
    if isinstance(value, bool) or value is None:
        return value
    return str(value) if not isinstance(value, (int, float)) else value


want = json.load(open(os.path.join(CHECKS, "expected_roster.json")))
try:
    got = norm(yaml.safe_load(open(PATH, encoding="utf-8")))
except FileNotFoundError:
    verdict(False, "missing", PATH, f"{PATH} does not exist")
except yaml.YAMLError as e:
    verdict(False, "invalid YAML", "valid YAML", f"{PATH} no longer parses: {str(e).splitlines()[0]}")
if not isinstance(got, dict):
    verdict(False, type(got).__name__, "mapping", "roster is not a mapping")
for key in ("team", "lead", "updated"):
    if got.get(key) != want[key]:
        verdict(False, {key: got.get(key)}, {key: want[key]}, f"top-level {key} is wrong")
if set(got) != set(want):
    verdict(False, sorted(got), sorted(want), "top-level keys were added or removed")
gm = got.get("members") or []
handles = [m.get("handle") for m in gm if isinstance(m, dict)]
want_handles = [m["handle"] for m in want["members"]]
if handles != want_handles:
    verdict(False, handles, want_handles, "members must drop felix and append amara at the end (joining order)")
for g, e in zip(gm, want["members"]):
    if g != e:
        verdict(False, g, e, f"member {e['handle']} has wrong or changed fields")
if got.get("alumni") != want["alumni"]:
    verdict(False, got.get("alumni"), want["alumni"], "alumni must keep Tom and add Felix with end_date 2024-06-28")
verdict(True, handles, want_handles, "roster updated correctly")
