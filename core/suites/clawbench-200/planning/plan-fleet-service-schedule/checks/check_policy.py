"""service-policy.yaml still parses, points at the real odometer export, and every other
setting is unchanged."""
import json, sys
import yaml


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


WANT = {
    "service_intervals": {"diesel": {"km": 20000, "months": 12}, "ev": {"km": 30000, "months": 12}},
    "planning": {"quarter": "2025-Q3", "window_start": "2025-07-01", "window_end": "2025-09-30", "as_of": "2025-06-30"},
    "workshop": {"name": "Trafford Park Commercials", "days": ["Tuesday", "Thursday"], "vans_per_day": 1,
                 "closed": ["2025-08-26", "2025-08-28"]},
    "telematics": {"odometer_file": "telematics/odometer_export_2025-06-30.csv", "usage_window_days": 56},
}


def plain(v):
    if isinstance(v, dict):
        return {k: plain(x) for k, x in v.items()}
    if isinstance(v, list):
        return [plain(x) for x in v]
    return v if isinstance(v, (int, float, str)) else str(v)


try:
    pol = plain(yaml.safe_load(open("fleet/service-policy.yaml", encoding="utf-8")))
except Exception as e:  # noqa: BLE001
    verdict(False, str(e), "valid YAML", "service-policy.yaml does not parse")
if pol != WANT:
    diff = sorted(k for k in set(pol) | set(WANT) if pol.get(k) != WANT.get(k))
    verdict(False, {k: pol.get(k) for k in diff}, {k: WANT.get(k) for k in diff}, "policy differs beyond the odometer file path")
verdict(True, "policy ok", "policy ok", "only the odometer path changed")
