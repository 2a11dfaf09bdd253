"""config/cycle-count.yaml: last_classification and class_counts updated, everything else
unchanged."""
import datetime as dt, json, os, sys
import yaml


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


cnt = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected.json")))["counts"]
try:
    cfg = yaml.safe_load(open("config/cycle-count.yaml", encoding="utf-8"))
except Exception as e:  # noqa: BLE001
    verdict(False, str(e), "valid YAML", "config/cycle-count.yaml does not parse")


def plain(v):
    if isinstance(v, dict):
        return {k: plain(x) for k, x in v.items()}
    if isinstance(v, list):
        return [plain(x) for x in v]
    return v.isoformat() if isinstance(v, dt.date) else v


want = {"abc": {"a_max_cum_pct": 80, "b_max_cum_pct": 95}, "last_classification": "2025-07-01", "class_counts": cnt,
        "counting": {"counts_per_day": 5, "quarter": "2025-Q3", "first_day": "2025-07-01", "last_day": "2025-09-26",
                     "holidays": ["2025-08-25"], "c_items_from": "2025-08-20", "c_recount_if_last_counted_before": "2024-10-01"}}
got = plain(cfg)
if got != want:
    diff = sorted(k for k in set(got) | set(want) if got.get(k) != want.get(k))
    verdict(False, {k: got.get(k) for k in diff}, {k: want.get(k) for k in diff}, "config not updated as required (or other keys changed)")
verdict(True, got["class_counts"], cnt, "config updated")
