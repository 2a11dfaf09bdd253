"""The fixed scripts/vat_return.py handles any quarter: run it through --config on hidden
fixture day books (both negative formats, capitalised and lower-case blocked categories,
documents outside the period, a repayment quarter) and compare the nine boxes."""
import configparser
import json
import os
import shutil
import subprocess
import sys
import tempfile

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


expected = json.load(open(os.path.join(CHECKS, "fixture_expected.json")))
if not os.path.isfile("scripts/vat_return.py"):
    verdict(False, "missing", "scripts/vat_return.py", "the script is gone")
try:
    tmp = tempfile.mkdtemp(prefix="cb-vat-")
except OSError:
    tmp = os.path.abspath(".cb-check-tmp")
    os.makedirs(tmp, exist_ok=True)
try:
    out = os.path.join(tmp, "return.json")
    cfg = configparser.ConfigParser()
    cfg["company"] = {"name": "Fixture Ltd", "vrn": "GB 000 0000 00", "scheme": "standard accrual"}
    cfg["period"] = {"name": "2024Q3", "start": "2024-07-01", "end": "2024-09-30"}
    cfg["rates"] = {"reverse_charge_pct": "20"}
    cfg["input"] = {"sales": os.path.join(CHECKS, "fixture_sales.csv"), "purchases": os.path.join(CHECKS, "fixture_purchases.csv"),
                    "piva": os.path.join(CHECKS, "fixture_piva.csv"), "blocked_categories": "entertainment, car"}
    cfg["output"] = {"return_file": out}
    ini = os.path.join(tmp, "vat.ini")
    with open(ini, "w") as fh:
        cfg.write(fh)
    try:
        proc = subprocess.run([sys.executable, "scripts/vat_return.py", "--config", ini], capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        verdict(False, "timed out", "exit 0", "the script ran for more than 60 s")
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or ["?"])[-1]
        verdict(False, f"exit {proc.returncode}", "exit 0", f"the script fails on the fixture: {last}")
    try:
        got = json.load(open(out, encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        verdict(False, "no valid output", out, f"the script did not write the return JSON named in --config: {e}")
    wrong = {}
    for k, v in expected.items():
        g = got.get(k)
        if k == "period":
            ok = g == v
        else:
            ok = isinstance(g, (int, float)) and abs(g - v) <= (0.011 if k in ("box1", "box2", "box3", "box4", "box5") else 0)
        if not ok:
            wrong[k] = [g, v]
    if wrong:
        verdict(False, {k: x[0] for k, x in wrong.items()}, {k: x[1] for k, x in wrong.items()},
                "boxes differ on the fixture: negatives in both formats, blocked categories from the config, period filter")
    verdict(True, got, expected, "script builds the return correctly")
finally:
    shutil.rmtree(tmp, ignore_errors=True)
