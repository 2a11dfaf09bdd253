"""Route helpers."""
from __future__ import annotations

from collections.abc import Sequence

from .distance import haversine_km


def route_length_km(points: Sequence[tuple[float, float]]) -> float:
    """Length of a polyline of (lat, lon) points in km."""
    return sum(haversine_km(a[0], a[1], b[0], b[1]) for a, b in zip(points, points[1:]))
