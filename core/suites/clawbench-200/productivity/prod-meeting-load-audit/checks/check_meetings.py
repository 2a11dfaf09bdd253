"""calendar/recurring.yaml: exactly the five agreed changes are applied, the cancelled meeting
stays in the file with status cancelled, everything else is unchanged."""
import json
import os
import sys

import yaml


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


want = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected_load.json")))["meetings"]
try:
    doc = yaml.safe_load(open("calendar/recurring.yaml", encoding="utf-8"))
except FileNotFoundError:
    verdict(False, "missing", "calendar/recurring.yaml", "the meetings file is gone")
except yaml.YAMLError as e:
    verdict(False, "invalid YAML", "valid YAML", str(e).splitlines()[0])
if not isinstance(doc, dict) or doc.get("timezone") != "Europe/Berlin":
    verdict(False, doc.get("timezone") if isinstance(doc, dict) else doc, "Europe/Berlin", "top-level settings changed")
got = doc.get("meetings") or []
ids = [m.get("id") for m in got if isinstance(m, dict)]
if ids != [m["id"] for m in want]:
    verdict(False, ids, [m["id"] for m in want], "meetings were added, removed or reordered (cancel with status, never delete)")
for g, w in zip(got, want):
    if g != w:
        diff = {k: g.get(k) for k in set(g) | set(w) if g.get(k) != w.get(k)}
        verdict(False, {w["id"]: diff}, {w["id"]: {k: w.get(k) for k in diff}}, f"{w['id']} ({w['title']}) is not as the reset agreed")
verdict(True, "5 changes applied", "5 changes applied", "recurring.yaml matches the reset decisions")
