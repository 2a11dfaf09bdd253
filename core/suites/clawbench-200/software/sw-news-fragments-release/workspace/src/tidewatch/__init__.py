"""tidewatch: tide-table predictions for small harbours."""

from .stations import Station, load_stations
from .predict import high_waters, low_waters

__all__ = ["Station", "load_stations", "high_waters", "low_waters"]
__version__ = "2.3.1"
