#!/usr/bin/env python3
"""Print the start times of a cron schedule during one week.

    python3 tools/cron_runs.py "0 6 * * 1-5" --week 2024-07-01
    python3 tools/cron_runs.py "@daily" --week 2024-07-01 --count
"""
import argparse
from datetime import datetime, timedelta

MACROS = {"@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *", "@monthly": "0 0 1 * *",
          "@weekly": "0 0 * * 0", "@daily": "0 0 * * *", "@midnight": "0 0 * * *", "@hourly": "0 * * * *"}
NAMES = {"sun": 0, "mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6,
         "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
         "sep": 9, "oct": 10, "nov": 11, "dec": 12}


def parse_field(spec, lo, hi):
    values = set()
    for part in spec.split(","):
        step = 1
        if "/" in part:
            part, step = part.split("/")
            step = int(step)
        if part == "*":
            first, last = lo, hi
        elif "-" in part:
            first, last = (int(NAMES.get(x.lower(), x)) for x in part.split("-"))
        else:
            first = int(NAMES.get(part.lower(), part))
            last = first if step == 1 else hi
        values.update(range(first, last + 1, step))
    return values


def start_times(schedule, week_start):
    schedule = MACROS.get(schedule, schedule)
    minute, hour, dom, month, dow = schedule.split()
    minutes, hours = parse_field(minute, 0, 59), parse_field(hour, 0, 23)
    days, months = parse_field(dom, 1, 31), parse_field(month, 1, 12)
    weekdays = {d % 7 for d in parse_field(dow, 0, 7)}
    for offset in range(7):
        day = week_start + timedelta(days=offset)
        if day.day in days and day.month in months and day.isoweekday() % 7 in weekdays:
            for h in sorted(hours):
                for m in sorted(minutes):
                    yield day.replace(hour=h, minute=m)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("schedule")
    ap.add_argument("--week", required=True, help="Monday of the week, YYYY-MM-DD")
    ap.add_argument("--count", action="store_true")
    args = ap.parse_args()
    week = datetime.strptime(args.week, "%Y-%m-%d")
    times = list(start_times(args.schedule, week))
    if args.count:
        print(len(times))
    else:
        for t in times:
            print(t.strftime("%a %Y-%m-%d %H:%M"))


if __name__ == "__main__":
    main()
