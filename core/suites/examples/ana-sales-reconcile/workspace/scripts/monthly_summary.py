#!/usr/bin/env python3
"""Monthly sales summary by region.

Usage: python3 scripts/monthly_summary.py [--config config/report.ini]

Reads the order export named in the config, joins it with the SKU catalog and writes one
row per region (sorted by region name) to the summary file:

    region, orders, units, revenue, cogs, gross_margin

revenue = qty * unit_price * (1 - discount_pct / 100); cogs = qty * unit_cost (catalog);
gross_margin = revenue - cogs. Money is summed unrounded and rounded to cents once per region.
"""
import argparse
import configparser
import csv
import json
import os
from collections import defaultdict

COLUMNS = ["region", "orders", "units", "revenue", "cogs", "gross_margin"]


def load_catalog(path):
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)["skus"]


def summarise(rows, catalog):
    totals = defaultdict(lambda: {"orders": 0, "units": 0, "revenue": 0.0, "cogs": 0.0})
    for row in rows:
        qty = int(row["qty"])
        price = float(row["unit_price"])
        discount = float(row["discount_pct"])
        unit_cost = catalog[row["sku"]]["unit_cost"]
        t = totals[row["region"]]
        t["orders"] += 1
        t["units"] += qty
        t["revenue"] += qty * price * (1 - discount / 100)
        t["cogs"] += qty * unit_cost
    return totals


def main(argv=None):
    ap = argparse.ArgumentParser(description="Monthly sales summary by region.")
    ap.add_argument("--config", default="config/report.ini")
    args = ap.parse_args(argv)

    cfg = configparser.ConfigParser()
    if not cfg.read(args.config):
        raise SystemExit(f"config not found: {args.config}")
    orders_file = cfg["input"]["orders_file"]
    catalog = load_catalog(cfg["input"]["catalog_file"])
    delimiter = cfg["input"].get("delimiter", ",")
    out_file = cfg["output"]["summary_file"]

    with open(orders_file, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter=delimiter))
    totals = summarise(rows, catalog)

    os.makedirs(os.path.dirname(out_file) or ".", exist_ok=True)
    with open(out_file, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(COLUMNS)
        for region in sorted(totals):
            t = totals[region]
            revenue, cogs = round(t["revenue"], 2), round(t["cogs"], 2)
            w.writerow([region, t["orders"], t["units"], f"{revenue:.2f}", f"{cogs:.2f}",
                        f"{t['revenue'] - t['cogs']:.2f}"])
    print(f"{cfg['report']['month']}: {len(rows)} rows, {len(totals)} regions -> {out_file}")


if __name__ == "__main__":
    main()
