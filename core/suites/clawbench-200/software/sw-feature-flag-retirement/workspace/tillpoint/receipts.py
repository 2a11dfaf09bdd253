"""Plain-text receipts for the thermal printers (32 columns)."""
from __future__ import annotations

from . import flags
from .checkout import Sale

WIDTH = 32


def _line(left: str, amount) -> str:
    right = f"{amount:.2f}"
    return f"{left[:WIDTH - len(right) - 1]:<{WIDTH - len(right)}}{right}"


def render(sale: Sale, receipt_url: str | None = None) -> str:
    lines = [_line("TOTAL", sale.total)]
    if flags.enabled("split_payments", sale.store_id):
        for tender, amount in sale.payments:
            lines.append(_line(f"  {tender.upper()}", amount))
        if sale.tip:
            lines.append(_line("  TIP (card)", sale.tip))
    else:
        tender, amount = sale.payments[0]
        lines.append(f"Paid by {tender.upper()}")
    if sale.change:
        lines.append(_line("CHANGE", sale.change))
    if receipt_url and flags.enabled("receipt_qr", sale.store_id):
        lines.append(f"[QR] {receipt_url}")
    return "\n".join(lines) + "\n"
