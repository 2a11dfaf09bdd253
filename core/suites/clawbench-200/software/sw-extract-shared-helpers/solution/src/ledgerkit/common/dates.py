"""Dates in the month-end exports (docs/helpers.md)."""
from __future__ import annotations

import datetime as dt
import re

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DOTTED = re.compile(r"(\d{2})\.(\d{2})\.(\d{4})")
_SLASHED = re.compile(r"(\d{2})/(\d{2})/(\d{4})")


def parse_date(text: str) -> dt.date:
    """A date from 'YYYY-MM-DD', 'DD.MM.YYYY' or 'DD/MM/YYYY'."""
    s = text.strip()
    m = _ISO.fullmatch(s)
    if m:
        year, month, day = m.groups()
    else:
        m = _DOTTED.fullmatch(s) or _SLASHED.fullmatch(s)
        if not m:
            raise ValueError(f"invalid date: {text!r}")
        day, month, year = m.groups()
    return dt.date(int(year), int(month), int(day))
