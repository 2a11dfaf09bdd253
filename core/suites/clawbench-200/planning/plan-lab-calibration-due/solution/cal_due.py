#!/usr/bin/env python3
"""List instruments that are overdue or due for calibration soon (QA procedure QP-07)."""
import argparse
import calendar
import configparser
import csv
import datetime as dt


def add_months(day, months):
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--register", default="equipment/register.csv")
    ap.add_argument("--intervals", default="equipment/intervals.ini")
    ap.add_argument("--as-of", required=True, help="YYYY-MM-DD")
    ap.add_argument("--days", type=int, default=60)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()

    as_of = dt.date.fromisoformat(args.as_of)
    horizon = as_of + dt.timedelta(days=args.days)
    ini = configparser.ConfigParser()
    ini.read(args.intervals)

    due = []
    with open(args.register, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["status"] != "active":
                continue
            raw = (row["interval_months"] or "").strip()
            interval = int(raw) if raw else ini.getint("defaults", row["class"])
            last = dt.date.fromisoformat(row["last_calibrated"])
            next_due = add_months(last, interval)
            if next_due <= horizon:
                due.append((next_due, row["asset_id"], row["instrument"], row["location"]))

    due.sort()
    with open(args.out, "w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(["asset_id", "instrument", "location", "next_due", "days_left"])
        for next_due, asset, instrument, location in due:
            out.writerow([asset, instrument, location, next_due.isoformat(), (next_due - as_of).days])
    print(f"{len(due)} instrument(s) due by {horizon} -> {args.out}")


if __name__ == "__main__":
    main()
