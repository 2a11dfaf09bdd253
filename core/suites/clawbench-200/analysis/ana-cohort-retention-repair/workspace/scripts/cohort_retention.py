#!/usr/bin/env python3
"""Monthly cohort retention for Pantry Drop subscriptions.

usage: python3 scripts/cohort_retention.py [--config config/cohorts.toml]

A customer's cohort is the month of their first valid order; they are active in a later
month when they have at least one valid order in it. See docs/retention.md.
"""
import argparse
import csv
import json
import os
import tomllib
from datetime import datetime


def parse_ts(text):
    """Order timestamps are 'YYYY-MM-DD HH:MM', UTC."""
    return datetime.strptime(text, "%Y-%m-%d %H:%M")


def month_key(ts):
    return f"{ts.year:04d}-{ts.month:02d}"


def add_months(key, n):
    y, m = map(int, key.split("-"))
    m += n
    y += (m - 1) // 12
    m = (m - 1) % 12 + 1
    return f"{y:04d}-{m:02d}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config/cohorts.toml")
    args = ap.parse_args()
    with open(args.config, "rb") as fh:
        cfg = tomllib.load(fh)

    first_cohort = cfg["cohorts"]["first_cohort"]
    last_month = cfg["cohorts"]["last_month"]
    max_offset = cfg["cohorts"]["max_offset"]
    prefix = cfg["filters"]["exclude_customer_prefix"]

    active = {}          # customer -> set of months with a valid order
    with open(cfg["data"]["orders_file"], newline="") as fh:
        for row in csv.DictReader(fh):
            if row["customer_id"].startswith(prefix):
                continue
            month = month_key(parse_ts(row["ordered_at"]))
            if month > last_month:
                continue
            active.setdefault(row["customer_id"], set()).add(month)

    cohorts = {}
    for cust, months in active.items():
        cohorts.setdefault(min(months), []).append(cust)

    rows, m1_active, m1_base, best = [], 0, 0, None
    cohort = first_cohort
    while cohort <= last_month:
        members = cohorts.get(cohort, [])
        size = len(members)
        cells = []
        for k in range(max_offset + 1):
            month = add_months(cohort, k)
            if month > last_month or size == 0:
                cells.append("")
                continue
            n = sum(1 for c in members if month in active[c])
            cells.append(f"{n / size * 100:.1f}")
            if k == 1:
                m1_active += n
                m1_base += size
                rate = n / size
                if best is None or rate > best[1]:
                    best = (cohort, rate)
        rows.append([cohort, size] + cells)
        cohort = add_months(cohort, 1)

    os.makedirs(os.path.dirname(cfg["output"]["matrix_file"]) or ".", exist_ok=True)
    with open(cfg["output"]["matrix_file"], "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["cohort", "customers"] + [f"m{k}" for k in range(max_offset + 1)])
        w.writerows(rows)
    summary = {
        "as_of": last_month,
        "cohorts": [r[0] for r in rows],
        "customers": sum(r[1] for r in rows),
        "m1_retention_pct": round(m1_active / m1_base * 100, 1) if m1_base else None,
        "best_m1_cohort": best[0] if best else None,
    }
    with open(cfg["output"]["summary_file"], "w") as fh:
        json.dump(summary, fh, indent=2)
        fh.write("\n")
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
