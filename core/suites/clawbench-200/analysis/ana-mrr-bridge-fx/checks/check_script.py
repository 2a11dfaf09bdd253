"""The fixed scripts/mrr_bridge.py works for any month: run it on a hidden pair of snapshots
(other currencies, paused/trialing/missing customers, reactivations) with its --fx and
--history options and compare the bridge."""
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
FIX = os.path.join(CHECKS, "fixture")


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


expected = json.load(open(os.path.join(FIX, "expected.json")))["rows"]
if not os.path.isfile("scripts/mrr_bridge.py"):
    verdict(False, "missing", "scripts/mrr_bridge.py", "the script is gone")
try:
    tmp = tempfile.mkdtemp(prefix="cb-mrr-")
except OSError:
    tmp = os.path.abspath(".cb-check-tmp")
    os.makedirs(tmp, exist_ok=True)
try:
    out = os.path.join(tmp, "bridge.csv")
    cmd = [sys.executable, "scripts/mrr_bridge.py",
           "--opening", os.path.join(FIX, "subscriptions_2024-07-31.csv"),
           "--closing", os.path.join(FIX, "subscriptions_2024-08-31.csv"),
           "--fx", os.path.join(FIX, "fx_rates.json"),
           "--history", os.path.join(FIX, "customer_history.csv"),
           "--out", out]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        verdict(False, "timed out", "exit 0", "the script ran for more than 60 s")
    if proc.returncode != 0:
        last = ((proc.stderr or proc.stdout).strip().splitlines() or ["?"])[-1]
        verdict(False, f"exit {proc.returncode}", "exit 0", f"the script fails on another month's snapshots: {last}")
    if not os.path.isfile(out):
        verdict(False, "no output", out, "the script did not write the --out file")
    with open(out, newline="", encoding="utf-8") as fh:
        rows = [[c.strip() for c in r] for r in csv.reader(fh) if r][1:]
    if [r[0] for r in rows] != [e[0] for e in expected]:
        verdict(False, [r[0] for r in rows], [e[0] for e in expected], "components missing or out of order")
    for got, want in zip(rows, expected):
        try:
            ok = int(got[1]) == want[1] and abs(float(got[2]) - float(want[2])) < 0.005
        except (ValueError, IndexError):
            ok = False
        if not ok:
            verdict(False, got, want, f"component {want[0]} differs (closing-date FX for both snapshots; reactivation from the history)")
    verdict(True, "fixture bridge matches", "fixture bridge matches", "script handles another month correctly")
finally:
    shutil.rmtree(tmp, ignore_errors=True)
