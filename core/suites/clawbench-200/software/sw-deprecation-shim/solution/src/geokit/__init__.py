"""geokit - small geodesy helpers for the dispatch service."""
__version__ = "1.9.0"

from .distance import bearing_deg, great_circle_km, haversine_km  # noqa: E402
from .nearby import nearest, within_km  # noqa: E402
from .route import route_length_km  # noqa: E402

__all__ = ["bearing_deg", "great_circle_km", "haversine_km", "nearest", "route_length_km", "within_km", "__version__"]
