"""The repaired audit script, run on a hidden invoice and manifest, picks the rate card by ship
date and produces the right disputes and summary."""
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


out = tempfile.mkdtemp(prefix="audit-fixture-")
try:
    p = subprocess.run([sys.executable, "scripts/audit_invoice.py", os.path.join(fx, "PN-INV-FIXTURE.csv"),
                        "--manifest", os.path.join(fx, "manifest.csv"), "--out", out],
                       capture_output=True, text=True, timeout=60)
except subprocess.TimeoutExpired:
    verdict(False, "timeout", "exit 0", "the script did not finish in 60 s")
if p.returncode != 0:
    verdict(False, p.stderr[-600:], "exit 0", "the script fails on another invoice")
try:
    got_rows = list(csv.DictReader(open(os.path.join(out, "disputes-PN-INV-FIXTURE.csv"), newline="")))
    got_sum = json.load(open(os.path.join(out, "summary-PN-INV-FIXTURE.json")))
except (OSError, ValueError) as e:
    verdict(False, str(e), "disputes CSV + summary JSON", "the script did not write its two outputs under --out")
want_rows = list(csv.DictReader(open(os.path.join(fx, "expected", "disputes-PN-INV-FIXTURE.csv"), newline="")))
want_sum = json.load(open(os.path.join(fx, "expected", "summary-PN-INV-FIXTURE.json")))
k = lambda r: (r.get("line"), r.get("shipment_id"), r.get("reason"), r.get("difference_eur"))
if [k(r) for r in got_rows] != [k(r) for r in want_rows]:
    verdict(False, [k(r) for r in got_rows], [k(r) for r in want_rows], "wrong disputes on the hidden invoice (rate card by ship date?)")
for f in ("lines", "disputed_lines", "undercharged_lines", "by_reason"):
    if got_sum.get(f) != want_sum[f]:
        verdict(False, {f: got_sum.get(f)}, {f: want_sum[f]}, f"summary {f} wrong on the hidden invoice")
for f in ("invoice_total_eur", "expected_total_eur", "disputed_amount_eur", "undercharged_amount_eur"):
    if not isinstance(got_sum.get(f), (int, float)) or abs(got_sum[f] - want_sum[f]) > 0.005:
        verdict(False, {f: got_sum.get(f)}, {f: want_sum[f]}, f"summary {f} wrong on the hidden invoice")
verdict(True, len(got_rows), len(want_rows), "script audits the hidden invoice correctly")
