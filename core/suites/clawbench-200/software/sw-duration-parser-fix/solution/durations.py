"""Parse and format the duration strings agents type into the timesheet (docs/durations.md)."""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

_HM = re.compile(r"^(?:(\d+)\s*h)?\s*(?:(\d+)\s*m)?$")
_DECIMAL_HOURS = re.compile(r"^(\d+\.\d+)\s*h$")
_CLOCK = re.compile(r"^(\d+):(\d{2})$")


def parse_duration(text: str) -> int:
    """Minutes in a duration string such as '1h30m', '1h 30m', '1.5h', '45m', '1:30' or '45'."""
    s = text.strip().lower()
    if not s:
        raise ValueError("empty duration")
    if s.isdigit():
        return int(s)
    m = _CLOCK.match(s)
    if m:
        hours, minutes = int(m.group(1)), int(m.group(2))
        if minutes >= 60:
            raise ValueError(f"invalid duration: {text!r} (minutes must be below 60)")
        return hours * 60 + minutes
    m = _HM.match(s)
    if m and (m.group(1) is not None or m.group(2) is not None):
        hours, minutes = int(m.group(1) or 0), int(m.group(2) or 0)
        if m.group(1) is not None and minutes >= 60:
            raise ValueError(f"invalid duration: {text!r} (minutes must be below 60)")
        return hours * 60 + minutes
    m = _DECIMAL_HOURS.match(s)
    if m:
        return int((Decimal(m.group(1)) * 60).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    raise ValueError(f"invalid duration: {text!r}")


def format_minutes(minutes: int) -> str:
    """'1h 05m' style rendering of a number of minutes."""
    if minutes < 0:
        raise ValueError("negative duration")
    hours, rest = divmod(minutes, 60)
    return f"{hours}h {rest:02d}m"
