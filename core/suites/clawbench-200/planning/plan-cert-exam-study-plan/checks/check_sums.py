"""plan-cka.yaml is internally consistent: domain hours + mock hours = total hours, all
whole numbers, and every curriculum domain is present."""
import json, sys
import yaml


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


try:
    plan = yaml.safe_load(open("study/plan-cka.yaml", encoding="utf-8"))
    exam = yaml.safe_load(open("study/exam.yaml", encoding="utf-8"))
except Exception as e:  # noqa: BLE001
    verdict(False, str(e), "both files parse", "study/plan-cka.yaml or study/exam.yaml missing or invalid")
ids = [d["id"] for d in exam["domains"]]
hours = plan.get("domain_hours") if isinstance(plan, dict) else None
if not isinstance(hours, dict) or sorted(hours) != sorted(ids):
    verdict(False, sorted(hours) if isinstance(hours, dict) else hours, sorted(ids), "domain_hours must have one entry per domain id")
if not all(isinstance(v, int) and not isinstance(v, bool) for v in hours.values()):
    verdict(False, hours, "whole numbers", "domain hours must be integers")
got = sum(hours.values()) + plan.get("mock_exam_hours", 0)
if got != plan.get("total_hours"):
    verdict(False, got, plan.get("total_hours"), "domain hours + mock_exam_hours do not add up to total_hours")
verdict(True, got, plan.get("total_hours"), "hours add up")
