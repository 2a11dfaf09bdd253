"""Reading stamps and gate-sensor epochs back."""
from datetime import datetime


def parse_stamp(text):
    """'2024-07-01T08:30:00Z' -> datetime in UTC."""
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ")


def from_epoch(seconds):
    """Gate sensors report Unix seconds."""
    return datetime.utcfromtimestamp(seconds)
