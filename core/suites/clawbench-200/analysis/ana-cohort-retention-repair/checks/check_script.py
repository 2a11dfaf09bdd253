"""The repaired script, run through --config on a hidden export (mixed timestamp formats with
offsets, cancelled/refunded/shipped rows, other months, statuses and output paths), produces
the right matrix and summary."""
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


out = tempfile.mkdtemp(prefix="cohort-fixture-")
cfg = open(os.path.join(fx, "cohorts.toml")).read().replace("FIXTURE_DIR", fx).replace("OUT_DIR", out)
cfg_path = os.path.join(out, "cohorts.toml")
open(cfg_path, "w").write(cfg)
try:
    p = subprocess.run([sys.executable, "scripts/cohort_retention.py", "--config", cfg_path],
                       capture_output=True, text=True, timeout=60)
except subprocess.TimeoutExpired:
    verdict(False, "timeout", "exit 0", "the script did not finish in 60 s")
if p.returncode != 0:
    verdict(False, p.stderr[-600:], "exit 0", "the script fails on another export / config")
try:
    got_m = [r for r in csv.reader(open(os.path.join(out, "matrix.csv"), newline="")) if r]
    got_s = json.load(open(os.path.join(out, "summary.json")))
except (OSError, ValueError) as e:
    verdict(False, str(e), "matrix + summary at the configured paths", "outputs missing (does the script honour [output] in --config?)")
want_m = [r for r in csv.reader(open(os.path.join(fx, "expected_matrix.csv"), newline="")) if r]
want_s = json.load(open(os.path.join(fx, "expected_summary.json")))
if got_m != want_m:
    verdict(False, got_m, want_m, "wrong matrix on the hidden export (UTC months, valid statuses from the config, cohort bounds)")
if got_s != want_s:
    verdict(False, got_s, want_s, "wrong summary on the hidden export")
verdict(True, got_s, want_s, "script handles the hidden export correctly")
