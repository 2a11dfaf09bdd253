"""dashboards/metrics.yaml gains the 2024-06 onboarding entry, bumps `updated`, and keeps everything else."""
import datetime
import json
import sys

import yaml

PATH = "dashboards/metrics.yaml"
JUNE = {"signups": 223, "activated": 62, "activation_rate_pct": 27.8}
KEEP = {
    "owner": "growth-analytics",
    "retention": {"week4_active_pct": {"2024-03": 41.2, "2024-04": 43.9}},
    "billing": {"trial_to_paid_pct": {"2024-04": 8.1, "2024-05": 7.6}},
}
OLD_MONTHS = {
    "2024-03": {"signups": 198, "activated": 47, "activation_rate_pct": 23.7},
    "2024-04": {"signups": 241, "activated": 70, "activation_rate_pct": 29.0},
    "2024-05": {"signups": 236, "activated": 61, "activation_rate_pct": 25.8},
}


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}, default=str))
    sys.exit(0 if passed else 1)


try:
    doc = yaml.safe_load(open(PATH, encoding="utf-8"))
except FileNotFoundError:
    verdict(False, "missing", PATH, f"{PATH} does not exist")
except yaml.YAMLError as e:
    verdict(False, "invalid YAML", "valid YAML", f"{PATH} no longer parses: {e}")
if not isinstance(doc, dict):
    verdict(False, type(doc).__name__, "mapping", "metrics.yaml must stay a mapping")
onb = doc.get("onboarding") or {}
monthly = {str(k): v for k, v in (onb.get("monthly") or {}).items()}
if monthly.get("2024-06") != JUNE:
    verdict(False, monthly.get("2024-06"), JUNE, "onboarding.monthly['2024-06'] is missing or wrong")
for m, v in OLD_MONTHS.items():
    if monthly.get(m) != v:
        verdict(False, {m: monthly.get(m)}, {m: v}, f"earlier month {m} was changed")
if set(monthly) != set(OLD_MONTHS) | {"2024-06"}:
    verdict(False, sorted(monthly), sorted(set(OLD_MONTHS) | {"2024-06"}), "unexpected months")
if onb.get("funnel") != "onboarding_activation" or onb.get("window_days") != 14:
    verdict(False, {k: onb.get(k) for k in ("funnel", "window_days")}, {"funnel": "onboarding_activation", "window_days": 14}, "onboarding settings changed")
for k, v in KEEP.items():
    if doc.get(k) != v:
        verdict(False, {k: doc.get(k)}, {k: v}, f"{k} was changed")
upd = doc.get("updated")
if str(upd) != "2024-07-16":
    verdict(False, str(upd), "2024-07-16", "`updated` must be the publication date 2024-07-16")
if set(doc) != {"updated", "owner", "onboarding", "retention", "billing"}:
    verdict(False, sorted(doc), ["billing", "onboarding", "owner", "retention", "updated"], "top-level keys changed")
verdict(True, monthly["2024-06"], JUNE, "June entry added, everything else kept")
