"""plan/milestones.yaml carries the new milestone dates; names, owners and baseline unchanged."""
import json
import sys

import yaml

WANT = {"M-01": {"name": "EVT complete", "owner": "hw", "date": "2024-11-05"},
        "M-02": {"name": "Certification granted", "owner": "qa", "date": "2025-01-23"},
        "M-03": {"name": "Launch", "owner": "pmo", "date": "2025-03-18"}}


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


try:
    doc = yaml.safe_load(open("plan/milestones.yaml", encoding="utf-8"))
except (OSError, yaml.YAMLError) as e:
    verdict(False, str(e)[:200], "valid YAML", "milestones.yaml missing or invalid")
ms = {k: {kk: str(vv) for kk, vv in (v or {}).items()} for k, v in (doc.get("milestones") or {}).items()}
if ms != WANT:
    verdict(False, ms, WANT, "milestone dates must come from the new schedule; names/owners unchanged")
if str(doc.get("baseline_approved")) != "2024-06-03" or set(doc) != {"baseline_approved", "milestones"}:
    verdict(False, sorted(doc), ["baseline_approved", "milestones"], "other keys changed")
verdict(True, WANT, WANT, "milestones updated")
