"""Current time (patched in tests)."""
from datetime import datetime


def now():
    """The current time in UTC."""
    return datetime.utcnow()
