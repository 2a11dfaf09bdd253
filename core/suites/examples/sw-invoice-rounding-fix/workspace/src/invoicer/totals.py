"""Invoice arithmetic. Money values are floats in the invoice currency, rounded to cents.

The business rules are in docs/billing-rules.md.
"""
import json
from pathlib import Path

RATES_FILE = Path(__file__).resolve().parents[2] / "config" / "tax_rates.json"


def load_rates(path=RATES_FILE):
    """Sales-tax rates by region code, e.g. {"CA-ON": 0.13}."""
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)["rates"]


def round_money(amount):
    """Round an amount to cents, half up."""
    return round(amount, 2)


def line_total(qty, unit_price, discount_pct=0):
    """qty x unit_price minus the line discount (percent), rounded to cents."""
    return round_money(qty * unit_price * (1 - discount_pct / 100))


def invoice_totals(lines, region, coupon_pct=0, rates=None):
    """Totals for an invoice.

    lines: iterable of mappings with `qty`, `unit_price` and optionally `discount_pct`.
    region: tax region code, a key of config/tax_rates.json (or of `rates` when given).
    coupon_pct: invoice-level coupon in percent.
    Returns {"subtotal", "coupon", "tax", "total"}.
    """
    rates = load_rates() if rates is None else rates
    if region not in rates:
        raise ValueError(f"unknown tax region: {region}")
    subtotal = round_money(sum(line_total(l["qty"], l["unit_price"], l.get("discount_pct", 0)) for l in lines))
    tax = round_money(subtotal * rates[region])
    coupon = round_money(subtotal * coupon_pct / 100)
    total = round_money(subtotal - coupon + tax)
    return {"subtotal": subtotal, "coupon": coupon, "tax": tax, "total": total}
