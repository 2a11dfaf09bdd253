"""gridwatch: mains frequency monitoring for community energy projects."""

__version__ = "1.8.2"
