"""config/rollup.ini points at September 2024; other settings unchanged."""
import configparser
import json
import sys

EXPECTED = {"run": {"month": "2024-09", "timesheet_dir": "timesheets/2024-09", "projects": "config/projects.yaml",
                    "contractors": "config/contractors.yaml"},
            "output": {"hours_csv": "out/hours-2024-09.csv", "invoice_json": "out/invoice-summary-2024-09.json"}}


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


cfg = configparser.ConfigParser()
try:
    if not cfg.read("config/rollup.ini", encoding="utf-8"):
        verdict(False, "missing", "config/rollup.ini", "config is gone")
except configparser.Error as e:
    verdict(False, "invalid", "valid INI", str(e))
got = {s: dict(cfg[s]) for s in cfg.sections()}
if got != EXPECTED:
    verdict(False, got, EXPECTED, "month, timesheet_dir and both outputs must use 2024-09; nothing else may change")
verdict(True, got["run"]["month"], "2024-09", "config points at September")
