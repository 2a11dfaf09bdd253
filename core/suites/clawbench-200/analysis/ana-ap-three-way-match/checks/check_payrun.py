"""ap/payment_run_2024-06-28.csv: exactly the approved, not-held invoices due by 2024-07-12."""
import csv
import json
import os
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


exp = json.load(open(os.path.join(CHECKS, "expected.json")))["pay"]
try:
    with open("ap/payment_run_2024-06-28.csv", newline="", encoding="utf-8") as fh:
        got = list(csv.DictReader(fh))
except FileNotFoundError:
    verdict(False, "missing", "ap/payment_run_2024-06-28.csv", "the payment run file was not written")
keys = [((r.get("vendor_id") or "").strip(), (r.get("invoice_no") or "").strip()) for r in got]
want = [(e[0], e[1]) for e in exp]
if keys != want:
    verdict(False, {"listed": keys, "extra": sorted(set(keys) - set(want)), "missing": sorted(set(want) - set(keys))},
            want, "exactly the payable invoices, sorted by vendor_id then invoice_no")
for g, (v, inv, d, due, amt) in zip(got, exp):
    if (g.get("due_date") or "").strip() != due or (g.get("invoice_date") or "").strip() != d:
        verdict(False, {inv: [g.get("invoice_date"), g.get("due_date")]}, {inv: [d, due]}, f"{inv}: dates differ")
    try:
        if abs(float(g.get("amount_cad")) - float(amt)) > 0.011:
            verdict(False, {inv: g.get("amount_cad")}, {inv: amt}, f"{inv}: amount differs (lines + GST)")
    except (TypeError, ValueError):
        verdict(False, {inv: g.get("amount_cad")}, {inv: amt}, f"{inv}: amount missing")
verdict(True, f"{len(got)} invoices", f"{len(exp)} invoices", "payment run is right")
