"""status/slo-status.json: still valid JSON with the same keys, components in the same order
with their names, the day's figures and states from the CSV and targets, date and updated set."""
import json
import os
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
EXP = json.load(open(os.path.join(CHECKS, "expected_status.json")))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


try:
    doc = json.load(open("status/slo-status.json"))
except FileNotFoundError:
    verdict(False, "missing", "status/slo-status.json", "the status feed is gone")
except json.JSONDecodeError as e:
    verdict(False, "invalid JSON", "valid JSON", f"status/slo-status.json does not parse: {e}")
want, old = EXP["status"], EXP["status_old"]
if not isinstance(doc, dict) or sorted(doc) != sorted(want):
    verdict(False, sorted(doc) if isinstance(doc, dict) else type(doc).__name__, sorted(want), "top-level keys changed")
for key in ("page", "source", "contacts"):
    if doc[key] != old[key]:
        verdict(False, {key: doc[key]}, {key: old[key]}, f"{key} must stay unchanged")
if doc["date"] != want["date"]:
    verdict(False, doc["date"], want["date"], "date must be the day of the log")
if doc["updated"] != want["updated"]:
    verdict(False, doc["updated"], want["updated"], "updated must be 2024-06-15T08:00:00Z")
comps = doc.get("components")
if not isinstance(comps, list) or [c.get("backend") for c in comps if isinstance(c, dict)] != [c["backend"] for c in want["components"]]:
    verdict(False, comps if not isinstance(comps, list) else [c.get("backend") for c in comps if isinstance(c, dict)],
            [c["backend"] for c in want["components"]], "components must keep their order")
bad = []
for g, w in zip(comps, want["components"]):
    if sorted(g) != sorted(w):
        bad.append(f"{w['backend']}: keys {sorted(g)}")
        continue
    if g["name"] != w["name"]:
        bad.append(f"{w['backend']}: name changed")
    if not isinstance(g["p95_ms"], int) or isinstance(g["p95_ms"], bool) or g["p95_ms"] != w["p95_ms"]:
        bad.append(f"{w['backend']}: p95_ms {g['p95_ms']!r} != {w['p95_ms']}")
    if not isinstance(g["error_rate_pct"], (int, float)) or abs(g["error_rate_pct"] - w["error_rate_pct"]) > 1e-9:
        bad.append(f"{w['backend']}: error_rate_pct {g['error_rate_pct']!r} != {w['error_rate_pct']}")
    if g["state"] != w["state"]:
        bad.append(f"{w['backend']}: state {g['state']!r} != {w['state']!r}")
if bad:
    verdict(False, bad[:5], "figures and states of 2024-06-14", f"{len(bad)} component problem(s)")
verdict(True, [c["state"] for c in comps], [c["state"] for c in want["components"]], "status feed updated, other keys unchanged")
