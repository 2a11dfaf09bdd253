"""Tide predictions from harmonic constituents (speeds in degrees per hour)."""
from __future__ import annotations

import math
from datetime import datetime, timedelta

SPEEDS = {"M2": 28.9841042, "S2": 30.0, "N2": 28.4397295, "K1": 15.0410686, "O1": 13.9430356,
          "M4": 57.9682084, "MS4": 58.9841042}


def height(station, when: datetime) -> float:
    hours = (when - datetime(2000, 1, 1)).total_seconds() / 3600
    h = station.datum
    for name, (amp, phase) in station.constituents.items():
        h += amp * math.cos(math.radians(SPEEDS[name] * hours - phase))
    return round(h, 2)


def _extrema(station, start: datetime, days: int, sign: int):
    step = timedelta(minutes=1)
    t, out = start, []
    prev2, prev1 = height(station, t - 2 * step), height(station, t - step)
    while t < start + timedelta(days=days):
        cur = height(station, t)
        if sign * (prev1 - prev2) > 0 and sign * (prev1 - cur) >= 0:
            if not out or t - step - out[-1][0] > step:
                out.append((t - step, prev1))
        prev2, prev1, t = prev1, cur, t + step
    return out


def high_waters(station, start: datetime, days: int = 1):
    return _extrema(station, start, days, +1)


def low_waters(station, start: datetime, days: int = 1):
    return _extrema(station, start, days, -1)
