"""config/sanity.yaml parses again and every setting keeps its value."""
import json
import sys

import yaml

EXPECTED = {
    "actuals_file": "data/actuals_weekly_2024-W01_W26.csv",
    "catalog_file": "data/catalog.csv",
    "backtest": {"forecast_file": "forecasts/fc_issued_2024-W13.csv", "weeks": {"from": "2024-W14", "to": "2024-W26"}},
    "review": {"forecast_file": "forecasts/fc_issued_2024-W26.csv", "weeks": {"from": "2024-W27", "to": "2024-W39"}},
    "rules": {"spike_multiplier": 3.0, "history_weeks": 13, "negative_allowed": False, "exempt_statuses_from_spike": ["launch"]},
    "output": {"backtest_file": "out/backtest_by_category.csv", "flags_file": "out/flags.csv"},
}


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


try:
    cfg = yaml.safe_load(open("config/sanity.yaml", encoding="utf-8"))
except FileNotFoundError:
    verdict(False, "missing", "config/sanity.yaml", "config/sanity.yaml does not exist")
except yaml.YAMLError as e:
    verdict(False, "invalid YAML", "valid YAML", f"config/sanity.yaml still does not parse: {str(e)[:200]}")
if cfg != EXPECTED:
    diff = {k: cfg.get(k) for k in set(cfg or {}) | set(EXPECTED) if (cfg or {}).get(k) != EXPECTED.get(k)}
    verdict(False, diff, {k: EXPECTED.get(k) for k in diff}, "settings changed, lost or nested wrongly (negative_allowed belongs under rules)")
verdict(True, cfg["rules"], EXPECTED["rules"], "config parses with all settings intact")
