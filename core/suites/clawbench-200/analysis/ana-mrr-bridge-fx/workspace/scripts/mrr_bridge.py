#!/usr/bin/env python3
"""Monthly MRR bridge (opening -> closing) for the board pack.

Usage:
  python3 scripts/mrr_bridge.py --opening data/subscriptions_2024-04-30.csv \
      --closing data/subscriptions_2024-05-31.csv --out out/mrr_bridge_2024-05.csv

Definitions: docs/METRICS.md.
"""
import argparse
import csv
import os
from decimal import Decimal, ROUND_HALF_UP

COMPONENTS = ["opening", "new", "reactivation", "expansion", "contraction", "churn", "closing"]
CENT = Decimal("0.01")

# USD per unit of currency. Update every month end!
FX_USD = {"USD": 1.0, "EUR": 1.0848, "GBP": 1.2741, "SEK": 0.0951}


def load_mrr(path):
    """customer_id -> (account_name, MRR in USD, rounded to cents); only active subscriptions count."""
    out = {}
    with open(path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            mrr = Decimal(0)
            if row["status"].strip() == "active":
                local = (Decimal(row["seats"]) * Decimal(row["list_price_per_seat"])
                         * (1 - Decimal(row["discount_pct"] or "0") / 100))
                mrr = (local * Decimal(str(FX_USD[row["currency"]]))).quantize(CENT, rounding=ROUND_HALF_UP)
            out[row["customer_id"]] = (row["account_name"], mrr)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--opening", required=True)
    ap.add_argument("--closing", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()

    opening = load_mrr(args.opening)
    closing = load_mrr(args.closing)

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
            kind = "new"  # TODO: split out reactivations (needs data/customer_history.csv)
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
