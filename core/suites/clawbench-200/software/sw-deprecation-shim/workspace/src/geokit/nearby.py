"""Nearest-neighbour helpers for the dispatch service (a linear scan; the lists are small)."""
from __future__ import annotations

from collections.abc import Iterable

from . import distance


def nearest(point: tuple[float, float], candidates: Iterable[tuple[str, float, float]]) -> tuple[str, float]:
    """(name, km) of the candidate closest to point; candidates are (name, lat, lon)."""
    best = None
    for name, lat, lon in candidates:
        km = distance.haversine_km(point[0], point[1], lat, lon)
        if best is None or km < best[1]:
            best = (name, km)
    if best is None:
        raise ValueError("no candidates")
    return best


def within_km(point: tuple[float, float], candidates: Iterable[tuple[str, float, float]], radius: float) -> list[str]:
    """Names of the candidates at most radius km from point, nearest first."""
    hits = [(distance.haversine_km(point[0], point[1], lat, lon), name) for name, lat, lon in candidates]
    return [name for km, name in sorted(hits) if km <= radius]
