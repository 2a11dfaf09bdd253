"""Departure records as written to the log files."""
from datetime import timezone

from .clock import now


def stamp(dt):
    """'2024-07-01T08:30:00Z': aware datetimes are converted to UTC, naive ones taken as UTC."""
    if dt.tzinfo is not None:
        dt = dt.astimezone(timezone.utc)
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ")


def departure_record(vessel, route, scheduled, actual=None):
    """One log line's fields; `actual` defaults to now."""
    actual = actual or now()
    return {"vessel": vessel, "route": route, "scheduled": stamp(scheduled), "actual": stamp(actual)}
