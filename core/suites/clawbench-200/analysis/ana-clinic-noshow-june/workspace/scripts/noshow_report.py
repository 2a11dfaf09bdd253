#!/usr/bin/env python3
"""Monthly no-show report by weekday (Harbourview Physiotherapy).

Reads config/report.json, writes <output_dir>/noshow_<month>.csv.
Written by Pieter (locum admin), March 2024.
"""
import csv
import datetime
import json
import os
import sys

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]


def main(config_path="config/report.json"):
    cfg = json.load(open(config_path, encoding="utf-8"))
    month = cfg["month"]
    late_hours = float(cfg.get("late_cancel_hours", 24))
    exclude = set(cfg.get("exclude_types", []))
    stats = {d: {"booked": 0, "attended": 0, "no_show": 0, "late_cancel": 0} for d in WEEKDAYS}
    with open(cfg["input"], newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if not row["date"].startswith(month) or row["appointment_type"] in exclude:
                continue
            if row["status"] == "Booked":          # still in the future at export time
                continue
            day = WEEKDAYS[datetime.date.fromisoformat(row["date"]).weekday()]
            s = stats[day]
            s["booked"] += 1
            if row["status"] == "Arrived":
                s["attended"] += 1
            elif row["status"] == "Did not arrive":
                s["no_show"] += 1
            elif row["status"] == "Cancelled":
                start = datetime.datetime.fromisoformat(f"{row['date']} {row['start_time']}")
                cancelled = datetime.datetime.fromisoformat(row["cancelled_at"])
                if (start - cancelled).total_seconds() < late_hours * 3600:
                    s["late_cancel"] += 1
    os.makedirs(cfg["output_dir"], exist_ok=True)
    out = os.path.join(cfg["output_dir"], f"noshow_{month}.csv")
    with open(out, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["weekday", "booked", "attended", "no_show", "late_cancel", "no_show_rate_pct"])
        for day in WEEKDAYS:
            s = stats[day]
            seen = s["attended"] + s["no_show"]
            rate = round(100.0 * s["no_show"] / seen, 1) if seen else 0.0
            w.writerow([day, s["booked"], s["attended"], s["no_show"], s["late_cancel"], f"{rate:.1f}"])
    print(f"wrote {out}")


if __name__ == "__main__":
    main(*sys.argv[1:])
