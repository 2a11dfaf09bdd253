#!/usr/bin/env python3
"""Forecast sanity checks for the S&OP review (see docs/forecast-review.md).

usage: python3 scripts/forecast_checks.py [--config config/sanity.yaml]

1. Backtest: the forecast issued 13 weeks ago against what actually sold -> WAPE and bias
   per category (backtest_file).
2. Review: the new forecast is checked against the rules -> one row per SKU and flag
   (flags_file).
"""
import argparse
import csv
import os
from collections import defaultdict

import yaml


def week_range(first, last):
    y1, w1 = first.split("-W")
    y2, w2 = last.split("-W")
    assert y1 == y2, "ranges within one ISO year only"
    return [f"{y1}-W{w:02d}" for w in range(int(w1), int(w2) + 1)]


def read_csv(path):
    with open(path, newline="") as fh:
        return list(csv.DictReader(line for line in fh if not line.startswith("#")))


def load_forecast(path, catalog):
    """{(sku, week): units}"""
    return {(r["sku"], r["iso_week"]): float(r["qty"]) for r in read_csv(path)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config/sanity.yaml")
    args = ap.parse_args()
    with open(args.config) as fh:
        cfg = yaml.safe_load(fh)

    catalog = {r["sku"]: r for r in read_csv(cfg["catalog_file"])}
    actual = defaultdict(float)
    for r in read_csv(cfg["actuals_file"]):
        actual[(r["sku"], r["iso_week"])] += float(r["units"])

    # 1. backtest
    bt_weeks = week_range(cfg["backtest"]["weeks"]["from"], cfg["backtest"]["weeks"]["to"])
    bt = load_forecast(cfg["backtest"]["forecast_file"], catalog)
    agg = defaultdict(lambda: {"skus": set(), "a": 0.0, "f": 0.0, "err": 0.0})
    for (sku, week), f in bt.items():
        if week not in bt_weeks:
            continue
        a = actual.get((sku, week), 0.0)
        for key in (catalog[sku]["category"], "ALL"):
            agg[key]["skus"].add(sku)
            agg[key]["a"] += a
            agg[key]["f"] += f
            agg[key]["err"] += abs(f - a)
    rows = []
    for key in sorted(k for k in agg if k != "ALL") + ["ALL"]:
        g = agg[key]
        rows.append([key, len(g["skus"]), f"{g['a']:.0f}", f"{g['f']:.1f}",
                     f"{g['err'] / g['a'] * 100:.1f}", f"{(g['f'] - g['a']) / g['a'] * 100:.1f}"])
    os.makedirs(os.path.dirname(cfg["output"]["backtest_file"]) or ".", exist_ok=True)
    with open(cfg["output"]["backtest_file"], "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["category", "skus", "actual_units", "forecast_units", "wape_pct", "bias_pct"])
        w.writerows(rows)

    # 2. review of the new forecast
    rules = cfg["rules"]
    rv_weeks = week_range(cfg["review"]["weeks"]["from"], cfg["review"]["weeks"]["to"])
    last_hist = int(bt_weeks[-1].split("-W")[1])
    year = bt_weeks[-1].split("-W")[0]
    hist_weeks = [f"{year}-W{w:02d}" for w in range(last_hist - rules["history_weeks"] + 1, last_hist + 1)]
    fc = load_forecast(cfg["review"]["forecast_file"], catalog)
    flags = []
    for sku in sorted(catalog):
        item = catalog[sku]
        weeks = {w: fc[(sku, w)] for w in rv_weeks if (sku, w) in fc}
        found = defaultdict(list)
        if item["status"] != "discontinued":
            found["missing_weeks"] = [w for w in rv_weeks if w not in weeks]
        if not rules["negative_allowed"]:
            found["negative"] = [w for w, q in weeks.items() if q < 0]
        if item["status"] not in rules["exempt_statuses_from_spike"]:
            peak = max(actual.get((sku, w), 0.0) for w in hist_weeks)
            found["spike"] = [w for w, q in weeks.items() if q >= rules["spike_multiplier"] * peak]
        if item["status"] == "discontinued":
            found["discontinued"] = [w for w, q in weeks.items() if q > 0]
        for flag in sorted(found):
            hits = sorted(found[flag])
            if hits:
                flags.append([sku, item["category"], flag, hits[0], len(hits)])
    with open(cfg["output"]["flags_file"], "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["sku", "category", "flag", "first_week", "weeks_flagged"])
        w.writerows(flags)
    print(f"backtest: {len(rows) - 1} categories, WAPE {rows[-1][4]}%  |  review: {len(flags)} flags")


if __name__ == "__main__":
    main()
