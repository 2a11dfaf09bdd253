"""roster.yaml records the new end of the schedule and is otherwise unchanged."""
import datetime
import json
import sys

import yaml


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}, default=str))
    sys.exit(0 if passed else 1)


try:
    doc = yaml.safe_load(open("oncall/roster.yaml", encoding="utf-8"))
except FileNotFoundError:
    verdict(False, "missing", "present", "oncall/roster.yaml was removed")
except yaml.YAMLError as e:
    verdict(False, "invalid YAML", "valid YAML", str(e).splitlines()[0])
sched = doc.get("schedule", {}) if isinstance(doc, dict) else {}
through = sched.get("published_through")
if isinstance(through, datetime.date):
    through = through.isoformat()
if (through, sched.get("last_primary")) != ("2024-09-23", "gwen"):
    verdict(False, {"published_through": through, "last_primary": sched.get("last_primary")},
            {"published_through": "2024-09-23", "last_primary": "gwen"}, "schedule pointer not updated")
if sched.get("file_pattern") != "schedule-<year>-<period>.csv" or len(sched) != 3:
    verdict(False, sorted(sched), ["file_pattern", "last_primary", "published_through"], "other schedule keys changed")
expected_top = {"team": "storage-sre", "pager": "pd-storage-primary", "handoff": "Monday 10:00 UTC",
                "rotation_order": ["amara", "bjorn", "chidi", "dana", "elif", "farid", "gwen", "hiro"]}
for k, v in expected_top.items():
    if doc.get(k) != v:
        verdict(False, {k: doc.get(k)}, {k: v}, f"{k} must not change")
members = doc.get("members") or {}
want_active = {"amara": True, "bjorn": True, "chidi": False, "dana": True, "elif": True, "farid": True, "gwen": True, "hiro": True}
if {h: (m or {}).get("active") for h, m in members.items()} != want_active:
    verdict(False, sorted(members), sorted(want_active), "members must not change")
hiro_from = members["hiro"].get("oncall_from")
if str(hiro_from) != "2024-08-05" or set(doc) != {"team", "pager", "handoff", "rotation_order", "members", "schedule"}:
    verdict(False, sorted(doc), "unchanged keys", "the roster's other keys must not change")
verdict(True, {"published_through": through, "last_primary": "gwen"}, "updated", "roster pointer updated, rest unchanged")
