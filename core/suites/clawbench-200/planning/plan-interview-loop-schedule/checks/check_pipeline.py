"""hiring/pipeline.yaml: onsite stages updated, missing list for the incomplete loop, rest kept."""
import json
import sys

import yaml

WANT = [
    {"id": "C-298", "name": "Priya Menon", "role": "frontend", "stage": "offer_sent"},
    {"id": "C-305", "name": "Lukas Weber", "role": "backend-senior", "stage": "rejected"},
    {"id": "C-311", "name": "Ana Lima", "role": "backend-senior", "stage": "onsite_scheduled"},
    {"id": "C-314", "name": "Tom Becker", "role": "frontend", "stage": "onsite_scheduled"},
    {"id": "C-317", "name": "Sara Yilmaz", "role": "backend-senior", "stage": "needs_reschedule", "missing": ["values"]},
    {"id": "C-320", "name": "Mina Cho", "role": "frontend", "stage": "phone_screen"},
]


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}, default=str))
    sys.exit(0 if passed else 1)


try:
    doc = yaml.safe_load(open("hiring/pipeline.yaml", encoding="utf-8"))
except FileNotFoundError:
    verdict(False, "missing", "hiring/pipeline.yaml", "pipeline.yaml is gone")
except yaml.YAMLError as e:
    verdict(False, "invalid YAML", "valid YAML", f"pipeline.yaml no longer parses: {e}")
got = doc.get("candidates")
if got != WANT:
    diff = [g for g, w in zip(got or [], WANT) if g != w] or got
    verdict(False, diff, [w for g, w in zip(got or [], WANT) if g != w] or WANT, "candidate entries wrong (stages, missing list, or untouched candidates changed)")
if str(doc.get("updated")) != "2024-07-12" or set(doc) != {"updated", "candidates"}:
    verdict(False, {k: str(v) for k, v in doc.items() if k != "candidates"}, {"updated": "2024-07-12"}, "updated must be 2024-07-12, no other keys")
verdict(True, "stages", "stages", "pipeline updated")
