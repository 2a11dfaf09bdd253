"""VAT summary per country and rate for the quarterly return."""
from __future__ import annotations

import csv
import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation


def parse_amount(text):
    """Amount in EUR from an export cell such as '€ 1,204.50' or '99.90 EUR'."""
    s = text.strip()
    s = re.sub(r"(?i)^(€|eur)\s*|\s*(€|eur)$", "", s)
    s = s.replace(",", "")
    if not s:
        raise ValueError(f"invalid amount: {text!r}")
    try:
        value = Decimal(s)
    except InvalidOperation:
        raise ValueError(f"invalid amount: {text!r}") from None
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def format_eur(value):
    """'1,204.50' style (the currency is in the column header)."""
    return "{:,.2f}".format(value)


def _parse_date(text):
    text = text.strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    m = re.fullmatch(r"(\d{2})/(\d{2})/(\d{4})", text)
    if not m:
        raise ValueError(f"invalid date: {text!r}")
    return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))


def run(input_path, output_path, quarter):
    year, q = quarter.split("-Q")
    months = range(3 * int(q) - 2, 3 * int(q) + 1)
    rows = {}
    with open(input_path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            day = _parse_date(row["date"])
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
            out.writerow([country, f"{rate}%", format_eur(net), format_eur(vat)])
