"""Helpers shared by every report (behaviour: docs/helpers.md)."""
from .dates import parse_date
from .money import format_amount, parse_amount
from .text import slugify

__all__ = ["format_amount", "parse_amount", "parse_date", "slugify"]
