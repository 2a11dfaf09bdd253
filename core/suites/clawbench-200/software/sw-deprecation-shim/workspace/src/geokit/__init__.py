"""geokit - small geodesy helpers for the dispatch service."""
__version__ = "1.8.2"

from .distance import bearing_deg, haversine_km  # noqa: E402
from .nearby import nearest, within_km  # noqa: E402
from .route import route_length_km  # noqa: E402

__all__ = ["bearing_deg", "haversine_km", "nearest", "route_length_km", "within_km", "__version__"]
