"""config/factsheet.toml points the run at September and keeps every other setting."""
import json
import sys
import tomllib

PATH = "config/factsheet.toml"
EXPECTED = {
    "fund": {"name": "Larchfield Global Income Fund", "base_currency": "GBP", "manager": "Larchfield Investment Partners LLP"},
    "report": {"as_of": "2024-09-30", "nav_file": "data/nav/nav_daily.csv", "output": "out/perf_2024-09.json",
               "periods": ["1m", "3m", "ytd", "1y", "since_launch"]},
    "classes": [{"name": "A Acc", "isin": "GB00BLGF1A01", "launch_date": "2019-03-01", "launch_nav": 1.0},
                {"name": "I Acc", "isin": "GB00BLGF1I02", "launch_date": "2023-11-01", "launch_nav": 1.0}],
}


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


try:
    cfg = tomllib.load(open(PATH, "rb"))
except FileNotFoundError:
    verdict(False, "missing", PATH, "the config is gone")
except tomllib.TOMLDecodeError as e:
    verdict(False, "invalid TOML", "valid TOML", str(e))
if cfg != EXPECTED:
    diff = {k: cfg.get(k) for k in set(cfg) | set(EXPECTED) if cfg.get(k) != EXPECTED.get(k)}
    verdict(False, diff, {k: EXPECTED.get(k) for k in diff}, "as_of must be 2024-09-30 and output out/perf_2024-09.json; nothing else may change")
verdict(True, cfg["report"]["as_of"], "2024-09-30", "config points at September")
