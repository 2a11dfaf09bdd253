"""Route helpers."""
from __future__ import annotations

from collections.abc import Sequence

from .distance import great_circle_km


def route_length_km(points: Sequence[tuple[float, float]]) -> float:
    """Length of a polyline of (lat, lon) points in km."""
    return sum(great_circle_km(a, b) for a, b in zip(points, points[1:]))
