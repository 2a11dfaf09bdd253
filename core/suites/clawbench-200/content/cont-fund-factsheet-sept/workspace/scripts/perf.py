#!/usr/bin/env python3
"""perf.py - cumulative share-class performance for the monthly factsheet.

Usage: python3 scripts/perf.py [--config config/factsheet.toml]

Reads the daily NAV file named in the config and writes the JSON named in [report].output.
See docs/performance-method.md for the method.
"""
import argparse
import calendar
import csv
import json
import os
import sys
import tomllib
from datetime import date


def month_end_before(d, n):
    """Last calendar day of the month n months before d's month."""
    y, m = divmod(d.month - 1 - n, 12)
    y += d.year
    m += 1
    return date(y, m, calendar.monthrange(y, m)[1])


def load_navs(path):
    """{class: {date: nav}}"""
    navs = {}
    with open(path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            d = date.fromisoformat(row["date"])
            navs.setdefault(row["share_class"], {}).setdefault(d, float(row["nav"]))
    return navs


def nav_on_or_before(series, d):
    return series[d]


def main(argv=None):
    ap = argparse.ArgumentParser(description="share-class performance for the factsheet")
    ap.add_argument("--config", default="config/factsheet.toml")
    args = ap.parse_args(argv)
    with open(args.config, "rb") as fh:
        cfg = tomllib.load(fh)
    rep = cfg["report"]
    as_of = date.fromisoformat(rep["as_of"])
    navs = load_navs(rep["nav_file"])
    starts = {"1m": month_end_before(as_of, 1), "3m": month_end_before(as_of, 3),
              "ytd": date(as_of.year - 1, 12, 31), "1y": month_end_before(as_of, 12)}
    out = {"fund": cfg["fund"]["name"], "as_of": as_of.isoformat(), "classes": {}}
    for cls in cfg["classes"]:
        series = navs.get(cls["name"], {})
        end_nav = nav_on_or_before(series, as_of)
        launch = date.fromisoformat(cls["launch_date"])
        result = {"isin": cls["isin"], "nav": end_nav}
        for period, start in starts.items():
            base = nav_on_or_before(series, start) if start >= launch else None
            result[period] = round((end_nav / base - 1) * 100, 2) if base else None
        result["since_launch"] = round((end_nav / float(cls["launch_nav"]) - 1) * 100, 2)
        out["classes"][cls["name"]] = result
    os.makedirs(os.path.dirname(rep["output"]) or ".", exist_ok=True)
    with open(rep["output"], "w", encoding="utf-8") as fh:
        json.dump(out, fh, indent=2)
        fh.write("\n")
    print(f"wrote {rep['output']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
