#!/usr/bin/env python3
"""rollup.py - monthly contractor hours and client invoice summary.

Usage: python3 scripts/rollup.py [--config config/rollup.ini]

Reads every <contractor>.csv in [run] timesheet_dir and writes [output] hours_csv and
[output] invoice_json. The rules are in docs/ROLLUP.md.
"""
import argparse
import configparser
import csv
import glob
import json
import os
import re
import sys

import yaml


def parse_hours(text):
    return float(text)


def main(argv=None):
    ap = argparse.ArgumentParser(description="monthly contractor hours roll-up")
    ap.add_argument("--config", default="config/rollup.ini")
    args = ap.parse_args(argv)
    cfg = configparser.ConfigParser()
    cfg.read(args.config, encoding="utf-8")
    run, out = cfg["run"], cfg["output"]
    month = run["month"]
    with open(run["projects"], encoding="utf-8") as fh:
        projects = yaml.safe_load(fh)["projects"]
    with open(run["contractors"], encoding="utf-8") as fh:
        rates = {c["id"]: float(c["hourly_rate"]) for c in yaml.safe_load(fh)["contractors"]}
    by_code = {p["code"]: p for p in projects}
    hours = {}
    for path in sorted(glob.glob(os.path.join(run["timesheet_dir"], "*.csv"))):
        contractor = os.path.splitext(os.path.basename(path))[0]
        with open(path, newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                h = parse_hours(row.get("hours"))
                if h is None:
                    continue
                code = (row.get("project") or "").strip()
                key = (by_code[code]["code"], contractor)
                hours[key] = hours.get(key, 0.0) + h
    os.makedirs(os.path.dirname(out["hours_csv"]) or ".", exist_ok=True)
    with open(out["hours_csv"], "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["project", "client", "contractor", "hours", "billable"])
        for (code, contractor) in sorted(hours):
            p = by_code[code]
            w.writerow([code, p["client"], contractor, f"{hours[(code, contractor)]:.2f}",
                        "yes" if p["billing"] == "hourly" else "no"])
    clients = {}
    for (code, contractor), h in sorted(hours.items()):
        p = by_code[code]
        if p["billing"] != "hourly":
            continue
        c = clients.setdefault(p["client"], {"hours": 0.0, "amount": 0.0})
        c["hours"] += h
        c["amount"] += h * rates[contractor]
    for c in clients.values():
        c["hours"] = round(c["hours"], 2)
        c["amount"] = round(c["amount"], 2)
    summary = {"month": month, "clients": dict(sorted(clients.items())),
               "total_hours": round(sum(c["hours"] for c in clients.values()), 2),
               "total_amount": round(sum(c["amount"] for c in clients.values()), 2)}
    os.makedirs(os.path.dirname(out["invoice_json"]) or ".", exist_ok=True)
    with open(out["invoice_json"], "w", encoding="utf-8") as fh:
        json.dump(summary, fh, indent=2)
        fh.write("\n")
    print(f"{len(hours)} project/contractor lines, {summary['total_hours']} billable hours, {summary['total_amount']:.2f} GBP")
    return 0


if __name__ == "__main__":
    sys.exit(main())
