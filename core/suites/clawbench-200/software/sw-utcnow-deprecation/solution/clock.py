"""Current time (patched in tests)."""
from datetime import datetime, timezone


def now():
    """The current time in UTC (timezone-aware)."""
    return datetime.now(timezone.utc)
