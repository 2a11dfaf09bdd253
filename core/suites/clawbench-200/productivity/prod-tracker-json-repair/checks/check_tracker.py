"""tracker/tasks.json parses with a strict JSON parser and holds every task of the broken file
(none lost to the repair or to the stale backup), with exactly the standup's changes applied."""
import json
import os
import sys

PATH = "tracker/tasks.json"
CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


want = json.load(open(os.path.join(CHECKS, "expected_tasks.json"), encoding="utf-8"))
try:
    got = json.load(open(PATH, encoding="utf-8"))
except FileNotFoundError:
    verdict(False, "missing", PATH, f"{PATH} does not exist")
except json.JSONDecodeError as e:
    verdict(False, "invalid JSON", "valid JSON", f"{PATH} still does not parse: {e}")
if not isinstance(got, dict) or not isinstance(got.get("tasks"), list):
    verdict(False, type(got).__name__, "object with a tasks list", "wrong document shape")
for key in ("project", "updated_at", "statuses"):
    if got.get(key) != want[key]:
        verdict(False, {key: got.get(key)}, {key: want[key]}, f"{key} is wrong")
if sorted(got) != sorted(want):
    verdict(False, sorted(got), sorted(want), "top-level keys were added or removed")
ids = [t.get("id") if isinstance(t, dict) else None for t in got["tasks"]]
want_ids = [t["id"] for t in want["tasks"]]
if ids != want_ids:
    missing = [i for i in want_ids if i not in ids]
    verdict(False, {"ids": ids}, {"ids": want_ids, "missing": missing},
            "tasks must be the 20 existing ones in their order plus the new T-121 at the end")
for g, e in zip(got["tasks"], want["tasks"]):
    if g != e:
        diff = {k: g.get(k) for k in set(g) | set(e) if g.get(k) != e.get(k)}
        verdict(False, {e["id"]: diff}, {e["id"]: {k: e.get(k) for k in diff}}, f"task {e['id']} differs")
verdict(True, f"{len(ids)} tasks", f"{len(want_ids)} tasks", "tracker repaired and updated")
