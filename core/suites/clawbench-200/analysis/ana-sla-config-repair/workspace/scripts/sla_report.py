#!/usr/bin/env python3
"""Monthly first-response SLA report per support queue.

Reads config/sla.ini (or --config), the month's ticket export, and writes
<output_dir>/sla_<month>.csv with one row per configured queue.
"""
import argparse
import configparser
import csv
import datetime as dt
import os
import sys

FMT = "%Y-%m-%d %H:%M"


def load_config(path):
    cfg = configparser.ConfigParser()
    with open(path, encoding="utf-8") as fh:
        cfg.read_file(fh)
    queues = {}
    for section in cfg.sections():
        if section.startswith("queue."):
            queues[section[len("queue."):]] = {
                "minutes": cfg.getint(section, "first_response_minutes"),
                "target": cfg.getfloat(section, "target_pct"),
            }
    return cfg["report"], queues


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config/sla.ini")
    args = ap.parse_args()
    report, queues = load_config(args.config)
    month = report["month"]
    stats = {q: {"tickets": 0, "met": 0} for q in queues}
    with open(report["tickets_file"], newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            q = row["queue"]
            if q not in queues or not row["created_at"].startswith(month):
                continue  # unrouted (spam, internal) or another month's ticket
            stats[q]["tickets"] += 1
            if row["first_response_at"]:
                created = dt.datetime.strptime(row["created_at"], FMT)
                answered = dt.datetime.strptime(row["first_response_at"], FMT)
                if (answered - created).total_seconds() <= queues[q]["minutes"] * 60:
                    stats[q]["met"] += 1
    os.makedirs(report["output_dir"], exist_ok=True)
    out = os.path.join(report["output_dir"], f"sla_{month}.csv")
    with open(out, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["queue", "tickets", "met", "breached", "attainment_pct", "target_pct", "status"])
        for q in sorted(stats):
            s = stats[q]
            pct = round(100 * s["met"] / s["tickets"], 1) if s["tickets"] else 0.0
            status = "OK" if pct >= queues[q]["target"] else "BELOW"
            w.writerow([q, s["tickets"], s["met"], s["tickets"] - s["met"], f"{pct:.1f}", f"{queues[q]['target']:g}", status])
    print(f"wrote {out}")


if __name__ == "__main__":
    sys.exit(main())
