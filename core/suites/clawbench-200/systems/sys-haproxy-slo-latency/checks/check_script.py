"""The fixed tools/haproxy_stats.py, run on a hidden log with other edge cases (start-up and
stop messages, another frontend, bad requests, timeouts, <NOSRV> lines, a backend with no
latency sample, sample counts where the percentile rank is exact), writes the expected CSV."""
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


def rows(path):
    with open(path, newline="") as fh:
        return list(csv.reader(fh))


def same(a, b):
    if a == b:
        return True
    try:
        return abs(float(a) - float(b)) < 1e-9
    except ValueError:
        return False


if not os.path.exists("tools/haproxy_stats.py"):
    verdict(False, "missing", "tools/haproxy_stats.py", "the script is gone")
tmp = tempfile.mkdtemp()
log = os.path.join(tmp, "haproxy.log")
shutil.copy(os.path.join(CHECKS, "fixture_haproxy.log"), log)
out = os.path.join(tmp, "stats.csv")
try:
    proc = subprocess.run([sys.executable, "tools/haproxy_stats.py", log, "-o", out, "--frontend", "fe_https"],
                          capture_output=True, text=True, timeout=60)
except subprocess.TimeoutExpired:
    verdict(False, "timed out", "exit 0", "the script ran for more than 60 s")
if proc.returncode != 0 or not os.path.exists(out):
    verdict(False, (proc.stderr.strip().splitlines() or ["no output"])[-1], "exit 0 and a CSV",
            f"the script failed on the hidden log (exit {proc.returncode})")
want, got = rows(os.path.join(CHECKS, "fixture_expected.csv")), rows(out)
if not got or got[0] != want[0]:
    verdict(False, got[:1], want[:1], "the CSV header changed")
if len(got) != len(want):
    verdict(False, [r[0] for r in got[1:]], [r[0] for r in want[1:]], "wrong set of backend rows")
for g, w in zip(got[1:], want[1:]):
    if len(g) != len(w) or not all(same(x, y) for x, y in zip(g, w)):
        verdict(False, g, w, f"wrong figures for {w[0]}")
verdict(True, len(got) - 1, len(want) - 1, "hidden log counted per docs/slo-method.md")
