"""shiftlog - timesheet helpers for the support team."""
__version__ = "0.6.2"

from .durations import format_minutes, parse_duration  # noqa: E402

__all__ = ["format_minutes", "parse_duration", "__version__"]
