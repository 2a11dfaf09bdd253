#!/usr/bin/env python3
"""Capacity forecast: reads the daily fs usage export and prints the forecast CSV.

usage: python3 tools/forecast.py metrics/fs-usage-daily.csv > reports/capacity-forecast-<date>.csv

Written for the Q1 review (see docs/capacity-policy.md).
"""
import csv
import datetime
import math
import sys

WINDOW_DAYS = 27  # D-27 .. D is 28 calendar days


def slope(points):
    n = len(points)
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    num = sum((x - mx) * (y - my) for x, y in points)
    den = sum((x - mx) ** 2 for x, _ in points)
    return num / den if den else 0.0


def main(path):
    samples = {}
    sizes = {}  # (host, mount) -> {date: size_gb}
    with open(path, newline="") as fh:
        for row in csv.DictReader(fh):
            if not row["used_gb"].strip():
                continue  # collector failure
            key = (row["host"], row["mount"])
            day = datetime.date.fromisoformat(row["date"])
            samples.setdefault(key, []).append((day, float(row["used_gb"]), row["used_gb"]))
            sizes.setdefault(key, {})[day] = row["size_gb"]
    last_day = max(d for rows in samples.values() for d, _, _ in rows)
    out = []
    for key, rows in samples.items():
        rows.sort()
        window = [(d, u, raw) for d, u, raw in rows if 0 <= (last_day - d).days <= WINDOW_DAYS]
        # cleanups: start at the last sample that is more than 20% below its predecessor
        start = 0
        for i in range(1, len(window)):
            if window[i][1] < 0.8 * window[i - 1][1]:
                start = i
        window = window[start:]
        pts = [((d - last_day).days, u) for d, u, _ in window]
        s = slope(pts)
        size_raw = sizes[key][window[-1][0]]
        size = float(size_raw)
        used = window[-1][1]
        if used >= 0.9 * size:
            days = 0
        elif s <= 0:
            days = None
        else:
            days = math.ceil((0.9 * size - used) / s)
        date90 = (last_day + datetime.timedelta(days=days)).isoformat() if days is not None else ""
        out.append([key[0], key[1], size_raw, window[-1][2], f"{used / size * 100:.1f}", f"{s:.2f}",
                    "" if days is None else str(days), date90])
    out.sort(key=lambda r: (r[6] == "", int(r[6]) if r[6] else 0, r[0], r[1]))
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(["host", "mount", "size_gb", "used_gb", "used_pct", "slope_gb_per_day", "days_to_90", "date_90"])
    w.writerows(out)


if __name__ == "__main__":
    main(sys.argv[1])
