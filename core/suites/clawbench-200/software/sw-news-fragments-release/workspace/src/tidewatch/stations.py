"""Reference stations and their harmonic constituents."""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path


class StationError(ValueError):
    """A station file is malformed."""


@dataclass(frozen=True)
class Station:
    code: str
    name: str
    lat: float
    lon: float
    datum: float = 0.0
    constituents: dict = field(default_factory=dict)

    @staticmethod
    def nearest(lat: float, lon: float, stations: list["Station"]) -> "Station":
        def dist(s: Station) -> float:
            return math.hypot(s.lat - lat, (s.lon - lon) * math.cos(math.radians(lat)))
        return min(stations, key=dist)


def load_stations(folder: str | Path) -> list[Station]:
    stations = []
    for path in sorted(Path(folder).glob("*.json")):
        try:
            raw = json.loads(path.read_text(encoding="utf-8-sig"))
            stations.append(Station(raw["code"], raw["name"], float(raw["lat"]), float(raw["lon"]),
                                    float(raw.get("datum", 0.0)), raw.get("constituents", {})))
        except (KeyError, ValueError) as exc:
            raise StationError(f"{path}: {exc}") from exc
    return stations
