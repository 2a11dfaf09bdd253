#!/usr/bin/env python3
"""Book inbound dock appointments for one day (rules: ops/DOCK-RULES.md).

usage: python3 scripts/book_docks.py REQUESTS_CSV [--config config/docks.toml] [--out out]

Writes <out>/dock-schedule-<date>.csv and <out>/waitlist-<date>.csv.
"""
import argparse
import csv
import math
import os
import tomllib
from datetime import datetime, timedelta


def hm(day, text):
    return datetime.combine(day, datetime.strptime(text.strip(), "%H:%M").time())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("requests")
    ap.add_argument("--config", default="config/docks.toml")
    ap.add_argument("--out", default="out")
    args = ap.parse_args()
    with open(args.config, "rb") as fh:
        cfg = tomllib.load(fh)

    day = datetime.strptime(os.path.basename(args.requests).split(".")[0][-10:], "%Y-%m-%d").date()
    site = cfg["site"]
    open_t, close_t = hm(day, site["open"]), hm(day, site["close"])
    grid = timedelta(minutes=site["grid_minutes"])
    doors = sorted(cfg["door"].items())            # [(name, {...})] in door order
    booked = {name: [] for name, _ in doors}

    with open(args.requests, newline="") as fh:
        reqs = [r for r in csv.DictReader(fh) if r["status"].strip() != "cancelled"]
    reqs.sort(key=lambda r: (0 if r["priority"] == "perishable" else 1, r["submitted_at"], r["request_id"]))

    schedule, waitlist = [], []
    for r in reqs:
        pallets = int(r["pallets"])
        minutes = site["setup_minutes"] + site["minutes_per_pallet"] * pallets
        dur = timedelta(minutes=math.ceil(minutes / site["grid_minutes"]) * site["grid_minutes"])
        reefer = r["reefer"].strip().lower() in ("yes", "true", "y", "1")
        w0, w1 = hm(day, r["window_from"]), hm(day, r["window_to"])
        t = max(w0, open_t)
        if (t - open_t) % grid:
            t = open_t + math.ceil((t - open_t) / grid) * grid
        placed = None
        while t <= w1 and placed is None:
            end = t + dur
            if end <= close_t:
                free = [name for name, d in doors
                        if not any(t < e and end > s for s, e in booked[name])
                        and (d["reefer"] or not reefer)]
                pick = free[:1]
                if pick:
                    placed = (pick[0], t, end)
            t += grid
        if placed is None:
            waitlist.append([r["request_id"], r["carrier"], "no_slot"])
            continue
        door, s, e = placed
        booked[door].append((s, e))
        schedule.append([r["request_id"], r["carrier"], door, s.strftime("%H:%M"), e.strftime("%H:%M"), pallets,
                         "yes" if reefer else "no"])

    schedule.sort(key=lambda x: (x[3], x[2]))
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, f"dock-schedule-{day}.csv"), "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["request_id", "carrier", "door", "start", "end", "pallets", "reefer"])
        w.writerows(schedule)
    with open(os.path.join(args.out, f"waitlist-{day}.csv"), "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["request_id", "carrier", "reason"])
        w.writerows(waitlist)
    print(f"{day}: {len(schedule)} booked, {len(waitlist)} waitlisted")


if __name__ == "__main__":
    main()
