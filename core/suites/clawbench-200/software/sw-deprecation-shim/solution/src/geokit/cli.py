"""geokit command line: `python3 -m geokit.cli distance LAT1 LON1 LAT2 LON2`."""
from __future__ import annotations

import argparse

from geokit.distance import great_circle_km


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="geokit")
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("distance", help="great-circle distance in km")
    for name in ("lat1", "lon1", "lat2", "lon2"):
        d.add_argument(name, type=float)
    args = ap.parse_args(argv)
    print(f"{great_circle_km((args.lat1, args.lon1), (args.lat2, args.lon2)):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
