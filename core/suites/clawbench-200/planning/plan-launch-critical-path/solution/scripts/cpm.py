#!/usr/bin/env python3
"""Forward-pass scheduler for the launch plan (working days, per-team calendars).

usage: python3 scripts/cpm.py [--tasks plan/tasks.csv] [--calendar plan/calendar.yaml] [--out plan/schedule.csv]

Rules are in plan/SCHEDULING.md. Writes the schedule CSV and prints the launch date and the
driving path.
"""
import argparse
import csv
import datetime as dt
import sys

import yaml


def load_calendar(path):
    with open(path) as fh:
        cal = yaml.safe_load(fh)
    holidays = {dt.date.fromisoformat(str(d)) for d in cal.get("holidays", [])}
    closures = {}
    for team, spans in (cal.get("team_closures") or {}).items():
        days = set()
        for span in spans:
            d, end = dt.date.fromisoformat(str(span["from"])), dt.date.fromisoformat(str(span["to"]))
            while d <= end:
                days.add(d)
                d += dt.timedelta(days=1)
        closures[team] = days
    return cal, holidays, closures


def is_working(day, team, holidays, closures):
    return day.weekday() < 5 and day not in holidays and day not in closures.get(team, set())


def next_working(day, team, holidays, closures):
    while not is_working(day, team, holidays, closures):
        day += dt.timedelta(days=1)
    return day


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tasks", default="plan/tasks.csv")
    ap.add_argument("--calendar", default="plan/calendar.yaml")
    ap.add_argument("--out", default="plan/schedule.csv")
    args = ap.parse_args()

    cal, holidays, closures = load_calendar(args.calendar)
    project_start = dt.date.fromisoformat(str(cal["project_start"]))
    with open(args.tasks, newline="") as fh:
        tasks = {r["id"]: r for r in csv.DictReader(fh)}
    for t in tasks.values():
        t["deps"] = [d.strip() for d in t["depends_on"].split(";") if d.strip()]
        unknown = [d for d in t["deps"] if d not in tasks]
        if unknown:
            sys.exit(f"{t['id']} depends on unknown task(s) {', '.join(unknown)} - fix plan/tasks.csv")

    start, finish, state = {}, {}, {}

    def schedule(tid):
        if state.get(tid) == "done":
            return
        if state.get(tid) == "busy":
            sys.exit(f"dependency cycle through {tid}")
        state[tid] = "busy"
        t = tasks[tid]
        for d in t["deps"]:
            schedule(d)
        team, dur = t["team"], int(t["duration_days"])
        if dur == 0:
            s = max((finish[d] for d in t["deps"]), default=project_start)
            start[tid] = finish[tid] = s
        else:
            earliest = max((finish[d] + dt.timedelta(days=1) for d in t["deps"]), default=project_start)
            if t.get("not_before"):
                earliest = max(earliest, dt.date.fromisoformat(t["not_before"]))
            s = next_working(earliest, team, holidays, closures)
            f, left = s, dur - 1
            while left:
                f = next_working(f + dt.timedelta(days=1), team, holidays, closures)
                left -= 1
            start[tid], finish[tid] = s, f
        state[tid] = "done"

    for tid in tasks:
        schedule(tid)

    final = cal["final_milestone"]
    path, cur = [final], final
    while tasks[cur]["deps"]:
        cur = sorted(tasks[cur]["deps"], key=lambda d: (-finish[d].toordinal(), d))[0]
        path.append(cur)
    path.reverse()

    with open(args.out, "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["id", "name", "team", "duration_days", "start", "finish", "driving"])
        for tid, t in tasks.items():
            w.writerow([tid, t["name"], t["team"], t["duration_days"], start[tid].isoformat(),
                        finish[tid].isoformat(), "yes" if tid in path else "no"])
    print(f"launch ({final}): {finish[final].isoformat()}")
    print("driving path: " + " > ".join(path))


if __name__ == "__main__":
    main()
