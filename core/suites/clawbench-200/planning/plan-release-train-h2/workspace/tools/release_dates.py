#!/usr/bin/env python3
"""Print the candidate branch-cut slots of the release train (no holidays, no blackouts)."""
import argparse
import datetime as dt
import tomllib


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="release/train.toml")
    ap.add_argument("--until", default="2024-12-31", help="last day of the period (YYYY-MM-DD)")
    args = ap.parse_args()
    with open(args.config, "rb") as fh:
        conf = tomllib.load(fh)
    train = conf["train"]
    day = train["anchor_cut"]
    until = dt.date.fromisoformat(args.until)
    step = dt.timedelta(days=train["cadence_days"])
    n = 0
    while day <= until:
        n += 1
        print(f"slot {n:2d}  {day.isoformat()}  {day.strftime('%a')}")
        day += step


if __name__ == "__main__":
    main()
