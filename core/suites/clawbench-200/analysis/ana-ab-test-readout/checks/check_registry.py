"""experiments/registry.yaml still parses; only the checkout-cta-2024-06 entry is closed
(status, result_file, decision), and its decision is the one in the result file."""
import datetime
import json
import os
import sys

import yaml

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}, default=str))
    sys.exit(0 if passed else 1)


def norm(x):
    if isinstance(x, dict):
        return {k: norm(v) for k, v in x.items()}
    if isinstance(x, list):
        return [norm(v) for v in x]
    if isinstance(x, (datetime.date, datetime.datetime)):
        return x.isoformat()
    return x


expected = json.load(open(os.path.join(CHECKS, "expected_registry.json")))
try:
    doc = norm(yaml.safe_load(open("experiments/registry.yaml", encoding="utf-8")))
except FileNotFoundError:
    verdict(False, "missing", "experiments/registry.yaml", "the registry is gone")
except yaml.YAMLError as e:
    verdict(False, "unparsable", "valid YAML", f"registry no longer parses: {str(e).splitlines()[0]}")
try:
    result = json.load(open("experiments/results/checkout-cta-2024-06.json", encoding="utf-8"))
except (OSError, json.JSONDecodeError):
    result = {}
entries = doc.get("experiments") if isinstance(doc, dict) else None
if not isinstance(entries, list) or [e.get("id") for e in entries if isinstance(e, dict)] != [e["id"] for e in expected["experiments"]]:
    verdict(False, entries, "3 entries in launch order", "the registry's entries were removed, added or reordered")
for got, want in zip(entries, expected["experiments"]):
    if got != want:
        keys = sorted(set(got) | set(want))
        diff = {k: got.get(k) for k in keys if got.get(k) != want.get(k)}
        verdict(False, {want["id"]: diff}, {want["id"]: {k: want.get(k) for k in diff}},
                f"entry {want['id']} is not as expected (only the June checkout test is closed)")
if result.get("decision") != entries[1].get("decision"):
    verdict(False, entries[1].get("decision"), result.get("decision"), "registry decision disagrees with the result file")
verdict(True, entries[1], expected["experiments"][1], "registry entry closed, other entries untouched")
