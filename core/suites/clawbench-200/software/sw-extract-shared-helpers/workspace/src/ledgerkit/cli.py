"""ledgerkit command line.

    python3 -m ledgerkit.cli aging   data/invoices.csv --as-of 2024-06-30 --out out/aging.csv
    python3 -m ledgerkit.cli vat     data/sales.csv    --quarter 2024-Q2  --out out/vat.csv
    python3 -m ledgerkit.cli payouts data/payouts.csv  --month 2024-06    --out out/payouts.csv
"""
from __future__ import annotations

import argparse
import sys

from .reports import aging, payouts, vat


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="ledgerkit")
    sub = ap.add_subparsers(dest="report", required=True)
    a = sub.add_parser("aging")
    a.add_argument("input")
    a.add_argument("--as-of", required=True)
    a.add_argument("--out", required=True)
    v = sub.add_parser("vat")
    v.add_argument("input")
    v.add_argument("--quarter", required=True)
    v.add_argument("--out", required=True)
    p = sub.add_parser("payouts")
    p.add_argument("input")
    p.add_argument("--month", required=True)
    p.add_argument("--out", required=True)
    args = ap.parse_args(argv)
    if args.report == "aging":
        aging.run(args.input, args.out, args.as_of)
    elif args.report == "vat":
        vat.run(args.input, args.out, args.quarter)
    else:
        payouts.run(args.input, args.out, args.month)
    return 0


if __name__ == "__main__":
    sys.exit(main())
