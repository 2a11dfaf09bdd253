"""Reading stamps and gate-sensor epochs back."""
from datetime import datetime, timezone


def parse_stamp(text):
    """'2024-07-01T08:30:00Z' (or '+00:00') -> timezone-aware datetime in UTC."""
    text = text.strip()
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    return datetime.fromisoformat(text).astimezone(timezone.utc)


def from_epoch(seconds):
    """Gate sensors report Unix seconds -> timezone-aware datetime in UTC."""
    return datetime.fromtimestamp(seconds, tz=timezone.utc)
