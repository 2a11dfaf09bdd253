"""The three reports, run through the CLI on the sample exports, reproduce the reference
outputs exactly; the golden files in tests/golden are unchanged."""
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, CHECKS)
from _common import verdict  # noqa: E402

hashes = json.load(open(os.path.join(CHECKS, "golden_hashes.json")))
for name, digest in hashes.items():
    path = os.path.join("tests", "golden", name)
    got = hashlib.sha256(open(path, "rb").read()).hexdigest() if os.path.isfile(path) else "missing"
    if got != digest:
        verdict(False, f"{name} changed", "unchanged", "the golden files are the reference and must not be edited or regenerated")
runs = [("aging", "data/invoices.csv", ["--as-of", "2024-06-30"], "aging-2024-06-30.csv"),
        ("vat", "data/sales.csv", ["--quarter", "2024-Q2"], "vat-2024-Q2.csv"),
        ("payouts", "data/payouts.csv", ["--month", "2024-06"], "payouts-2024-06.csv")]
tmp = tempfile.mkdtemp(prefix="golden-")
env = dict(os.environ, PYTHONPATH=os.path.abspath("src"), PYTHONDONTWRITEBYTECODE="1")
try:
    for report, data, opts, golden in runs:
        out = os.path.join(tmp, golden)
        proc = subprocess.run([sys.executable, "-m", "ledgerkit.cli", report, data, *opts, "--out", out],
                              capture_output=True, text=True, timeout=60, env=env)
        if proc.returncode != 0:
            verdict(False, (proc.stderr.strip().splitlines() or ["error"])[-1], "exit 0", f"ledgerkit {report} fails")
        got = open(out, encoding="utf-8").read()
        want = open(os.path.join(CHECKS, "golden", golden), encoding="utf-8").read()
        if got != want:
            g, w = got.splitlines(), want.splitlines()
            diff = [(a, b) for a, b in zip(g, w) if a != b] or [(len(g), len(w))]
            verdict(False, diff[0][0], diff[0][1], f"{report} output differs from the reference")
finally:
    shutil.rmtree(tmp, ignore_errors=True)
verdict(True, "3 reports", "3 reports", "all report outputs match the references")
