"""The repaired booking script, run on a hidden day with another config, follows the rules
(breaks, standard loads off reefer doors, grid, rounding up, cancelled rows, waitlist order)."""
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile

here = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__))
fx = os.path.join(here, "fixture")


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


tmp = tempfile.mkdtemp(prefix="docks-fixture-")
req = os.path.join(tmp, "2024-07-23.csv")
shutil.copy(os.path.join(fx, "requests-2024-07-23.csv"), req)
out = os.path.join(tmp, "out")
try:
    p = subprocess.run([sys.executable, "scripts/book_docks.py", req, "--config", os.path.join(fx, "docks.toml"), "--out", out],
                       capture_output=True, text=True, timeout=60)
except subprocess.TimeoutExpired:
    verdict(False, "timeout", "exit 0", "the script did not finish in 60 s")
if p.returncode != 0:
    verdict(False, p.stderr[-600:], "exit 0", "the script fails on another day / config")
for name in ("dock-schedule-2024-07-23.csv", "waitlist-2024-07-23.csv"):
    try:
        got = [r for r in csv.reader(open(os.path.join(out, name), newline="")) if r]
    except OSError:
        verdict(False, "missing", name, f"{name} not written under --out")
    want = [r for r in csv.reader(open(os.path.join(fx, "expected", name), newline="")) if r]
    if got != want:
        verdict(False, got, want, f"{name} wrong on the hidden day (breaks? door preference?)")
verdict(True, "schedule + waitlist", "match", "hidden day booked correctly")
