"""Distances and bearings on a spherical earth."""
from __future__ import annotations

import math
import warnings

EARTH_RADIUS_KM = 6371.0  # radius used by the deprecated haversine_km
MEAN_EARTH_RADIUS_KM = 6371.0088  # IUGG mean earth radius


def great_circle_km(a: tuple[float, float], b: tuple[float, float], *, radius_km: float = MEAN_EARTH_RADIUS_KM) -> float:
    """Great-circle distance in km between two (lat, lon) points given in decimal degrees."""
    (lat1, lon1), (lat2, lon2) = a, b
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * radius_km * math.asin(math.sqrt(h))


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Deprecated since 1.9.0 (removed in 2.0.0): use great_circle_km((lat1, lon1), (lat2, lon2)).

    Keeps the historical 6371.0 km radius so that its results do not change.
    """
    warnings.warn(
        "haversine_km() is deprecated; use great_circle_km((lat1, lon1), (lat2, lon2)) instead",
        DeprecationWarning,
        stacklevel=2,
    )
    return great_circle_km((lat1, lon1), (lat2, lon2), radius_km=EARTH_RADIUS_KM)


def bearing_deg(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Initial bearing from point 1 to point 2, degrees clockwise from north (0-360)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dl = math.radians(lon2 - lon1)
    x = math.sin(dl) * math.cos(p2)
    y = math.cos(p1) * math.sin(p2) - math.sin(p1) * math.cos(p2) * math.cos(dl)
    return (math.degrees(math.atan2(x, y)) + 360) % 360
