"""Departure records as written to the log files."""
from .clock import now


def stamp(dt):
    """'2024-07-01T08:30:00Z' for a UTC datetime."""
    return dt.isoformat(timespec="seconds") + "Z"


def departure_record(vessel, route, scheduled, actual=None):
    """One log line's fields; `actual` defaults to now."""
    actual = actual or now()
    return {"vessel": vessel, "route": route, "scheduled": stamp(scheduled), "actual": stamp(actual)}
