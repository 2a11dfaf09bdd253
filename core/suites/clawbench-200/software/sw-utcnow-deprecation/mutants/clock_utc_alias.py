"""Current time (patched in tests)."""
from datetime import UTC, datetime


def now():
    """The current time in UTC (timezone-aware)."""
    return datetime.now(UTC)
