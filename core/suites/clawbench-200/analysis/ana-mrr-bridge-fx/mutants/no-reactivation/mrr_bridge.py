#!/usr/bin/env python3
"""Monthly MRR bridge (opening -> closing) for the board pack.

Usage:
  python3 scripts/mrr_bridge.py --opening data/subscriptions_2024-05-31.csv \
      --closing data/subscriptions_2024-06-30.csv --out out/mrr_bridge_2024-06.csv

Definitions: docs/METRICS.md.
"""
import argparse
import csv
import json
import os
import re
from decimal import Decimal, ROUND_HALF_UP

COMPONENTS = ["opening", "new", "reactivation", "expansion", "contraction", "churn", "closing"]
CENT = Decimal("0.01")


def snapshot_date(path):
    m = re.search(r"(\d{4}-\d{2}-\d{2})", os.path.basename(path))
    if not m:
        raise SystemExit(f"cannot tell the snapshot date from the file name {path!r}")
    return m.group(1)


def load_mrr(path, fx):
    """customer_id -> (account_name, MRR in USD, rounded to cents); only active subscriptions count."""
    out = {}
    with open(path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            mrr = Decimal(0)
            if row["status"].strip() == "active":
                local = (Decimal(row["seats"]) * Decimal(row["list_price_per_seat"])
                         * (1 - Decimal(row["discount_pct"] or "0") / 100))
                if row["currency"] not in fx:
                    raise SystemExit(f"no FX rate for {row['currency']} ({row['customer_id']})")
                mrr = (local * Decimal(str(fx[row["currency"]]))).quantize(CENT, rounding=ROUND_HALF_UP)
            out[row["customer_id"]] = (row["account_name"], mrr)
    return out


def load_history(path):
    """customer_id -> first paid month (YYYY-MM)."""
    with open(path, newline="", encoding="utf-8") as fh:
        return {r["customer_id"]: r["first_paid_month"] for r in csv.DictReader(fh)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--opening", default="data/subscriptions_2024-05-31.csv")
    ap.add_argument("--closing", default="data/subscriptions_2024-06-30.csv")
    ap.add_argument("--out", default="out/mrr_bridge_2024-06.csv")
    ap.add_argument("--fx", default="data/fx_rates.json")
    ap.add_argument("--history", default="data/customer_history.csv")
    args = ap.parse_args()

    closing_date = snapshot_date(args.closing)
    with open(args.fx, encoding="utf-8") as fh:
        all_rates = json.load(fh)
    if closing_date not in all_rates:
        raise SystemExit(f"{args.fx} has no rates for {closing_date}")
    fx = all_rates[closing_date]            # constant currency: closing rates for both months
    opening = load_mrr(args.opening, fx)
    closing = load_mrr(args.closing, fx)
    history = load_history(args.history)
    closing_month = closing_date[:7]

    totals = {c: Decimal(0) for c in COMPONENTS}
    counts = {c: 0 for c in COMPONENTS}
    for cid in sorted(set(opening) | set(closing)):
        o = opening.get(cid, ("", Decimal(0)))[1]
        c = closing.get(cid, ("", Decimal(0)))[1]
        if o > 0:
            totals["opening"] += o
            counts["opening"] += 1
        if c > 0:
            totals["closing"] += c
            counts["closing"] += 1
        if o == 0 and c > 0:
            first = history.get(cid)
            kind = "new"
        elif o > 0 and c == 0:
            kind = "churn"
        elif o > 0 and c > o:
            kind = "expansion"
        elif o > 0 and c < o:
            kind = "contraction"
        else:
            continue
        totals[kind] += c - o
        counts[kind] += 1

    os.makedirs(os.path.dirname(args.out) or ".", exist_ok=True)
    with open(args.out, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["component", "customers", "mrr_usd"])
        for comp in COMPONENTS:
            w.writerow([comp, counts[comp], f"{totals[comp]:.2f}"])
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
