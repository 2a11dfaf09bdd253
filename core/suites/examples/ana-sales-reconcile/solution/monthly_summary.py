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
import math
import os
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal

COLUMNS = ["region", "orders", "units", "revenue", "cogs", "gross_margin"]


def load_catalog(path):
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)["skus"]


def parse_row(row, catalog, n_fields):
    """(region, qty, revenue, cogs) for a valid row, None for a malformed one.

    Malformed: wrong number of fields, qty not a positive whole number, unit_price or
    discount_pct not a number, or an SKU missing from the catalog.
    """
    if None in row or len(row) != n_fields or any(v is None for v in row.values()):
        return None
    qty_text = row["qty"].strip()
    if not qty_text.isdigit() or int(qty_text) <= 0:
        return None
    try:
        price = float(row["unit_price"])
        discount = float(row["discount_pct"])
    except ValueError:
        return None
    if not (math.isfinite(price) and math.isfinite(discount)):
        return None
    sku = row["sku"]
    if sku not in catalog:
        return None
    qty = int(qty_text)
    return row["region"], qty, qty * price * (1 - discount / 100), qty * catalog[sku]["unit_cost"]


def summarise(rows, catalog, n_fields):
    """Totals per region, skipping malformed rows and repeated order_ids (first one wins)."""
    totals = defaultdict(lambda: {"orders": 0, "units": 0, "revenue": 0.0, "cogs": 0.0})
    seen, skipped, duplicates = set(), 0, 0
    for row in rows:
        parsed = parse_row(row, catalog, n_fields)
        if parsed is None:
            skipped += 1
            continue
        if row["order_id"] in seen:
            duplicates += 1
            continue
        seen.add(row["order_id"])
        region, qty, revenue, cogs = parsed
        t = totals[region]
        t["orders"] += 1
        t["units"] += qty
        t["revenue"] += revenue
        t["cogs"] += cogs
    return totals, skipped, duplicates


def money(x):
    """Round half-up to cents on the decimal representation."""
    return Decimal(repr(x)).quantize(Decimal("0.01"), ROUND_HALF_UP)


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
        reader = csv.DictReader(fh, delimiter=delimiter)
        rows = list(reader)
        n_fields = len(reader.fieldnames or [])
    totals, skipped, duplicates = summarise(rows, catalog, n_fields)

    os.makedirs(os.path.dirname(out_file) or ".", exist_ok=True)
    with open(out_file, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(COLUMNS)
        for region in sorted(totals):
            t = totals[region]
            revenue, cogs = money(t["revenue"]), money(t["cogs"])
            w.writerow([region, t["orders"], t["units"], f"{revenue:.2f}", f"{cogs:.2f}",
                        f"{revenue - cogs:.2f}"])
    print(f"{cfg['report']['month']}: {len(rows)} rows, {len(totals)} regions -> {out_file}")
    print(f"skipped malformed rows: {skipped}; duplicate rows ignored: {duplicates}")


if __name__ == "__main__":
    main()
