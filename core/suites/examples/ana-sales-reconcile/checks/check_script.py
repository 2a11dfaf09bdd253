"""The fixed scripts/monthly_summary.py handles next month's export too: run it (through its
--config option) on a hidden export with other kinds of broken and repeated rows and compare
its summary with the expected one."""
import configparser
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
MONEY = ("revenue", "cogs", "gross_margin")


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


expected = json.load(open(os.path.join(CHECKS, "fixture_expected.json")))["rows"]
if not os.path.isfile("scripts/monthly_summary.py"):
    verdict(False, "missing", "scripts/monthly_summary.py", "the script is gone")
try:
    tmp = tempfile.mkdtemp(prefix="cb-ana-")
except OSError:
    tmp = os.path.abspath(".cb-check-tmp")
    os.makedirs(tmp, exist_ok=True)
try:
    cfg = configparser.ConfigParser()
    cfg["report"] = {"month": "2024-06", "title": "Monthly sales by region", "currency": "USD",
                     "owner": "finance@beanline.example"}
    cfg["input"] = {"orders_file": os.path.join(CHECKS, "fixture_orders.csv"),
                    "catalog_file": os.path.abspath("data/sku_catalog.json"), "delimiter": ","}
    out_file = os.path.join(tmp, "summary.csv")
    cfg["output"] = {"summary_file": out_file}
    ini = os.path.join(tmp, "report.ini")
    with open(ini, "w") as fh:
        cfg.write(fh)
    try:
        proc = subprocess.run([sys.executable, "scripts/monthly_summary.py", "--config", ini],
                              capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        verdict(False, "timed out", "exit 0", "the script ran for more than 60 s")
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or ["?"])[-1]
        verdict(False, f"exit {proc.returncode}", "exit 0", f"script fails on an export with broken rows: {last}")
    if not os.path.isfile(out_file):
        verdict(False, "no output", out_file, "the script did not write the summary file named in --config")
    with open(out_file, newline="", encoding="utf-8") as fh:
        got = list(csv.DictReader(fh))
    if [r.get("region") for r in got] != [r["region"] for r in expected]:
        verdict(False, [r.get("region") for r in got], [r["region"] for r in expected], "wrong regions or order")
    for g, e in zip(got, expected):
        for col in ("orders", "units") + MONEY:
            try:
                value = float(g.get(col))
            except (TypeError, ValueError):
                verdict(False, g, e, f"{e['region']}: column {col} is missing or not a number")
            tol = 0.011 if col in MONEY else 0
            if abs(value - e[col]) > tol:
                verdict(False, {e["region"]: {col: g.get(col)}}, {e["region"]: {col: e[col]}},
                        f"{e['region']} {col} differs: malformed rows must be skipped and repeated order_ids counted once")
    verdict(True, f"{len(got)} regions", f"{len(expected)} regions", "script summarises a messy export correctly")
finally:
    shutil.rmtree(tmp, ignore_errors=True)
