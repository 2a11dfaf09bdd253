"""The repaired script, run with a hidden config (other thresholds, windows, case packs and
output paths), produces exactly the expected backtest and flags."""
import csv
import json
import os
import subprocess
import sys
import tempfile

here = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__))
fx = os.path.join(here, "fixture")


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


out = tempfile.mkdtemp(prefix="fc-fixture-")
cfg = open(os.path.join(fx, "sanity.yaml")).read().replace("FIXTURE_DIR", fx).replace("OUT_DIR", out)
path = os.path.join(out, "sanity.yaml")
open(path, "w").write(cfg)
try:
    p = subprocess.run([sys.executable, "scripts/forecast_checks.py", "--config", path],
                       capture_output=True, text=True, timeout=60)
except subprocess.TimeoutExpired:
    verdict(False, "timeout", "exit 0", "the script did not finish in 60 s")
if p.returncode != 0:
    verdict(False, p.stderr[-600:], "exit 0", "the script fails with another config")
for name in ("bt.csv", "flags.csv"):
    try:
        got = [r for r in csv.reader(open(os.path.join(out, name), newline="")) if r]
    except OSError:
        verdict(False, "missing", name, f"{name} not written where the config's [output] says")
    want = [r for r in csv.reader(open(os.path.join(fx, "expected", name), newline="")) if r]
    if got != want:
        verdict(False, got, want, f"{name} differs on the hidden data (case packs? spike threshold strictly exceeded? zero weeks?)")
verdict(True, "bt.csv + flags.csv", "match", "script correct on the hidden data")
