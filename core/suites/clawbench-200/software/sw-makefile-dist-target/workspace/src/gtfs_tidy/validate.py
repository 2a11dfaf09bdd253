"""Sanity checks on a GTFS feed folder (only what has bitten us before)."""
from __future__ import annotations

import csv
from pathlib import Path

REQUIRED = ["agency.txt", "stops.txt", "routes.txt", "trips.txt", "stop_times.txt"]
# Lakeside's service area, generously padded
LAT_RANGE = (46.80, 47.60)
LON_RANGE = (8.10, 9.20)


def missing_files(feed: str | Path) -> list[str]:
    return [name for name in REQUIRED if not (Path(feed) / name).is_file()]


def bad_stops(feed: str | Path) -> list[str]:
    """stop_ids whose coordinates are missing, unparsable or outside the service area."""
    bad = []
    with open(Path(feed) / "stops.txt", newline="", encoding="utf-8-sig") as fh:
        for row in csv.DictReader(fh):
            try:
                lat, lon = float(row["stop_lat"]), float(row["stop_lon"])
            except (KeyError, ValueError):
                bad.append(row.get("stop_id", "?"))
                continue
            if not (LAT_RANGE[0] <= lat <= LAT_RANGE[1] and LON_RANGE[0] <= lon <= LON_RANGE[1]): 
                bad.append(row["stop_id"])
    return bad


def problems(feed: str | Path) -> list[str]:
    found = [f"missing file: {name}" for name in missing_files(feed)]
    if not found:
        found += [f"stop outside the service area or without coordinates: {stop_id} (check stops.txt against the stop register export)" for stop_id in bad_stops(feed)]
    return found
