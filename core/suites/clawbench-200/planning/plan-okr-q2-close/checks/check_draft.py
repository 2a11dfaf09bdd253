"""okrs/2024-Q3-draft.yaml lists the carried-over KRs and keeps everything else."""
import json
import sys

import yaml

CARRIED = ["KR1.1", "KR1.2", "KR2.2", "KR3.1", "KR4.1", "KR4.2", "KR4.3"]
REST = {"quarter": "2024-Q3", "status": "draft", "proposed_objectives": [
    {"id": "O1", "title": "Win multi-site clinic groups", "owner": "revenue"},
    {"id": "O2", "title": "Self-serve onboarding in under a day", "owner": "growth"},
    {"id": "O3", "title": "Zero P1 incidents caused by deploys", "owner": "platform"}]}


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


try:
    doc = yaml.safe_load(open("okrs/2024-Q3-draft.yaml", encoding="utf-8"))
except (OSError, yaml.YAMLError) as e:
    verdict(False, str(e)[:200], "valid YAML", "Q3 draft missing or not valid YAML")
if doc.get("carried_over") != CARRIED:
    verdict(False, doc.get("carried_over"), CARRIED, "carried_over must list the metric KRs below 0.70, in OKR order")
for k, v in REST.items():
    if doc.get(k) != v:
        verdict(False, {k: doc.get(k)}, {k: v}, f"{k} was changed")
if set(doc) != set(REST) | {"carried_over"}:
    verdict(False, sorted(doc), sorted(set(REST) | {"carried_over"}), "unexpected keys")
verdict(True, CARRIED, CARRIED, "carry-overs listed")
