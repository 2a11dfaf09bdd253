"""Amounts in the month-end exports (docs/helpers.md)."""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

_CENT = Decimal("0.01")
_MARKER = re.compile(r"(?i)^(?:€|eur)\s*|\s*(?:€|eur)$")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def parse_amount(text: str) -> Decimal:
    """Decimal amount rounded to cents from '€ 1,204.50', '99.90 EUR', '(12.50)', '-3'."""
    s = text.strip()
    negative = False
    s = _MARKER.sub("", s).strip()
    if s.startswith("(") and s.endswith(")"):
        negative, s = True, s[1:-1].strip()
        s = _MARKER.sub("", s).strip()
    s = s.replace(",", "")
    if not _NUMBER.fullmatch(s) or (negative and s.startswith("-")):
        raise ValueError(f"invalid amount: {text!r}")
    try:
        value = Decimal(s).quantize(_CENT, rounding=ROUND_HALF_UP)
    except InvalidOperation:
        raise ValueError(f"invalid amount: {text!r}") from None
    return -value if negative else value


def format_amount(value: Decimal) -> str:
    """'1,204.50' style: two decimals, thousands separators, minus sign for negatives."""
    return f"{value:,.2f}"
