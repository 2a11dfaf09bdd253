"""tidewatch: tide predictions for coastal stations."""

__version__ = "2.8.1"
__all__ = ["predict", "stations"]
