"""Parse and format the duration strings agents type into the timesheet (docs/durations.md)."""
from __future__ import annotations

import re

_HM = re.compile(r"^(?:(\d+)h)?(?:(\d+)m)?$")
_CLOCK = re.compile(r"^(\d+):(\d+)$")


def parse_duration(text: str) -> int:
    """Minutes in a duration string such as '1h30m', '45m', '1:30' or '45'."""
    s = text.strip().lower()
    if not s:
        raise ValueError("empty duration")
    if s.isdigit():
        return int(s)
    m = _CLOCK.match(s)
    if m:
        return int(m.group(1)) * 60 + int(m.group(2))
    m = _HM.match(s)
    if m and (m.group(1) or m.group(2)):
        hours, minutes = int(m.group(1) or 0), int(m.group(2) or 0)
        return hours * 60 + minutes
    if s.endswith("h"):
        return int(s[:-1]) * 60
    raise ValueError(f"invalid duration: {text!r}")


def format_minutes(minutes: int) -> str:
    """'1h 05m' style rendering of a number of minutes."""
    hours, rest = divmod(minutes, 60)
    return f"{hours}h {rest}m"
