"""Marketplace payouts per payee for the month."""
from __future__ import annotations

import csv
import re
from decimal import ROUND_HALF_UP, Decimal


def _money(text):
    s = text.strip()
    neg = s.startswith("(") and s.endswith(")")
    s = s.strip("()")
    s = re.sub(r"(?i)(€|eur)", "", s).replace(",", "").strip()
    if not s:
        raise ValueError(f"invalid amount: {text!r}")
    value = Decimal(s).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return -value if neg else value


def _fmt(value):
    return f"{value:,.2f}"


def _slugify(name):
    # PAY-88: accented letters are dropped instead of folded ("Café" -> "caf")
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def run(input_path, output_path, month):
    payees = {}
    with open(input_path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if not row["date"].startswith(month):
                continue
            key = _slugify(row["payee"])
            gross, fee = _money(row["gross"]), _money(row["fee"])
            count, g, f = payees.get(key, (0, Decimal("0.00"), Decimal("0.00")))
            payees[key] = (count + 1, g + gross, f + fee)
    with open(output_path, "w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh, lineterminator="\n")
        out.writerow(["payee_slug", "payouts", "gross", "fees", "net"])
        for key in sorted(payees):
            count, g, f = payees[key]
            out.writerow([key, count, _fmt(g), _fmt(f), _fmt(g - f)])
