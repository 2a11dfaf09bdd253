"""Marketplace payouts per payee for the month."""
from __future__ import annotations

import csv
from decimal import Decimal

from ..common import format_amount, parse_amount, slugify


def run(input_path, output_path, month):
    payees = {}
    with open(input_path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if not row["date"].startswith(month):
                continue
            key = slugify(row["payee"])
            gross, fee = parse_amount(row["gross"]), parse_amount(row["fee"])
            count, g, f = payees.get(key, (0, Decimal("0.00"), Decimal("0.00")))
            payees[key] = (count + 1, g + gross, f + fee)
    with open(output_path, "w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh, lineterminator="\n")
        out.writerow(["payee_slug", "payouts", "gross", "fees", "net"])
        for key in sorted(payees):
            count, g, f = payees[key]
            out.writerow([key, count, format_amount(g), format_amount(f), format_amount(g - f)])
