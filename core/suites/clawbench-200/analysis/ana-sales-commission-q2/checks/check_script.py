"""The fixed scripts/commission_calc.py implements the FY2024 plan for any quarter: run it
through --config on hidden fixture files (both split formats, a cancelled deal, a rep
above 150 %, clawbacks at 90 and 91 days) and compare its statements."""
import configparser
import csv
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


expected = json.load(open(os.path.join(CHECKS, "fixture_expected.json")))["rows"]
if not os.path.isfile("scripts/commission_calc.py"):
    verdict(False, "missing", "scripts/commission_calc.py", "the script is gone")
if not os.path.isfile("comp/plan_fy2024.yaml"):
    verdict(False, "missing", "comp/plan_fy2024.yaml", "the FY2024 plan file is gone")
try:
    tmp = tempfile.mkdtemp(prefix="cb-comm-")
except OSError:
    tmp = os.path.abspath(".cb-check-tmp")
    os.makedirs(tmp, exist_ok=True)
try:
    out = os.path.join(tmp, "statements.csv")
    cfg = configparser.ConfigParser()
    cfg["run"] = {"quarter": "2024Q3", "approved_by": "finance"}
    cfg["input"] = {"deals": os.path.join(CHECKS, "fixture_deals.csv"), "quotas": os.path.join(CHECKS, "fixture_quotas.csv"),
                    "churn_notices": os.path.join(CHECKS, "fixture_churn.csv"), "paid_lines": os.path.join(CHECKS, "fixture_paid.csv")}
    cfg["plan"] = {"plan_file": os.path.abspath("comp/plan_fy2024.yaml")}
    cfg["output"] = {"statements": out}
    ini = os.path.join(tmp, "commission.ini")
    with open(ini, "w") as fh:
        cfg.write(fh)
    try:
        proc = subprocess.run([sys.executable, "scripts/commission_calc.py", "--config", ini],
                              capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        verdict(False, "timed out", "exit 0", "the script ran for more than 60 s")
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or ["?"])[-1]
        verdict(False, f"exit {proc.returncode}", "exit 0", f"the script fails on the fixture: {last}")
    if not os.path.isfile(out):
        verdict(False, "no output", out, "the script did not write the statements file named in --config")
    with open(out, newline="", encoding="utf-8") as fh:
        got = list(csv.DictReader(fh))
    cols = ["credited_arr", "quota", "attainment_pct", "tier_commission", "clawback", "total_commission"]
    if [r.get("rep_id") for r in got] != [e[0] for e in expected]:
        verdict(False, [r.get("rep_id") for r in got], [e[0] for e in expected], "one row per rep of the quota file")
    for g, e in zip(got, expected):
        for col, want in zip(cols, e[1:]):
            try:
                ok = abs(float(g.get(col)) - float(want)) <= (0.051 if col == "attainment_pct" else 0.011)
            except (TypeError, ValueError):
                ok = False
            if not ok:
                verdict(False, {e[0]: {col: g.get(col)}}, {e[0]: {col: want}},
                        f"{e[0]} {col} differs: splits in both formats, no credit for cancelled deals, marginal rates, 90-day clawback")
    verdict(True, f"{len(got)} reps", f"{len(expected)} reps", "script applies the FY2024 plan")
finally:
    shutil.rmtree(tmp, ignore_errors=True)
