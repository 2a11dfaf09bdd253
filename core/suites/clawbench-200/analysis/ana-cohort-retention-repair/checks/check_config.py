"""config/cohorts.toml points at the June export and June as last month; nothing else changed."""
import json
import sys
import tomllib

EXPECTED = {
    "data": {"orders_file": "data/orders_2023-10_2024-06.csv"},
    "cohorts": {"first_cohort": "2024-01", "last_month": "2024-06", "max_offset": 5},
    "filters": {"exclude_customer_prefix": "QA", "valid_statuses": ["delivered", "shipped"]},
    "output": {"matrix_file": "out/retention_matrix.csv", "summary_file": "out/retention_summary.json"},
}


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


try:
    with open("config/cohorts.toml", "rb") as fh:
        cfg = tomllib.load(fh)
except FileNotFoundError:
    verdict(False, "missing", "config/cohorts.toml", "config/cohorts.toml does not exist")
except tomllib.TOMLDecodeError as e:
    verdict(False, "invalid TOML", "valid TOML", f"config/cohorts.toml no longer parses: {e}")
if cfg != EXPECTED:
    diff = {k: cfg.get(k) for k in set(cfg) | set(EXPECTED) if cfg.get(k) != EXPECTED.get(k)}
    verdict(False, diff, {k: EXPECTED.get(k) for k in diff}, "only orders_file and last_month may change")
verdict(True, cfg["data"]["orders_file"], EXPECTED["data"]["orders_file"], "config points at June, rest unchanged")
