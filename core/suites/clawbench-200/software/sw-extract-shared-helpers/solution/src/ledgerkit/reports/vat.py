"""VAT summary per country and rate for the quarterly return."""
from __future__ import annotations

import csv
from decimal import ROUND_HALF_UP, Decimal

from ..common import format_amount, parse_amount, parse_date


# Kept for the finance notebooks (`from ledgerkit.reports.vat import parse_amount, format_eur`).
format_eur = format_amount


def run(input_path, output_path, quarter):
    year, q = quarter.split("-Q")
    months = range(3 * int(q) - 2, 3 * int(q) + 1)
    rows = {}
    with open(input_path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            day = parse_date(row["date"])
            if day.year != int(year) or day.month not in months:
                continue
            net = parse_amount(row["net"])
            rate = Decimal(row["vat_rate"].strip().rstrip("%"))
            vat = (net * rate / 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
            key = (row["country"].strip().upper(), rate)
            n, v = rows.get(key, (Decimal("0.00"), Decimal("0.00")))
            rows[key] = (n + net, v + vat)
    with open(output_path, "w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh, lineterminator="\n")
        out.writerow(["country", "rate", "net_eur", "vat_eur"])
        for (country, rate) in sorted(rows):
            net, vat = rows[(country, rate)]
            out.writerow([country, f"{rate}%", format_amount(net), format_amount(vat)])
