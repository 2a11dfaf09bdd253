"""config/report.ini points at May 2024 and every other setting is unchanged."""
import configparser
import json
import sys

EXPECTED = {
    "report": {"month": "2024-05", "title": "Monthly sales by region", "currency": "USD",
               "owner": "finance@beanline.example"},
    "input": {"orders_file": "data/orders_2024-05.csv", "catalog_file": "data/sku_catalog.json", "delimiter": ","},
    "output": {"summary_file": "out/region_summary.csv"},
}


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


cfg = configparser.ConfigParser()
try:
    if not cfg.read("config/report.ini", encoding="utf-8"):
        verdict(False, "missing", "config/report.ini", "config/report.ini does not exist")
except configparser.Error as e:
    verdict(False, "unparsable", "valid INI", f"config/report.ini no longer parses: {e}")
observed = {s: dict(cfg[s]) for s in cfg.sections()}
if observed != EXPECTED:
    diff = {s: observed.get(s) for s in set(observed) | set(EXPECTED) if observed.get(s) != EXPECTED.get(s)}
    verdict(False, diff, {s: EXPECTED.get(s) for s in diff}, "month/orders_file must point at 2024-05; nothing else may change")
verdict(True, observed["input"]["orders_file"], EXPECTED["input"]["orders_file"], "config points at May 2024, other keys unchanged")
