"""The repaired scheduler, run on a hidden plan, honours team closures, holidays, not_before,
zero-duration milestones and the driving-path rule."""
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


out = os.path.join(tempfile.mkdtemp(prefix="cpm-fixture-"), "schedule.csv")
try:
    p = subprocess.run([sys.executable, "scripts/cpm.py", "--tasks", os.path.join(fx, "tasks.csv"),
                        "--calendar", os.path.join(fx, "calendar.yaml"), "--out", out],
                       capture_output=True, text=True, timeout=60)
except subprocess.TimeoutExpired:
    verdict(False, "timeout", "exit 0", "the scheduler did not finish in 60 s")
if p.returncode != 0:
    verdict(False, p.stderr[-600:], "exit 0", "the scheduler fails on another plan")
try:
    got = [r for r in csv.reader(open(out, newline="")) if r]
except OSError:
    verdict(False, "missing", out, "no schedule written to --out")
want = [r for r in csv.reader(open(os.path.join(fx, "expected_schedule.csv"), newline="")) if r]
if got != want:
    diff = [g for g, w in zip(got, want) if g != w] or got
    verdict(False, diff, [w for g, w in zip(got, want) if g != w] or want, "wrong schedule on the hidden plan (team closures?)")
verdict(True, len(got) - 1, len(want) - 1, "hidden plan scheduled correctly")
