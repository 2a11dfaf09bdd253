"""Gauge, yardage and pattern-resizing maths for knitters."""

__version__ = "2.1.0"
