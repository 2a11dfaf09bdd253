#!/usr/bin/env python3
"""ABC classification of stores SKUs by annual issue value."""
import argparse
import csv

import yaml


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--master", default="inventory/sku-master.csv")
    ap.add_argument("--usage", default="inventory/usage-12m.csv")
    ap.add_argument("--config", default="config/cycle-count.yaml")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()

    cfg = yaml.safe_load(open(args.config, encoding="utf-8"))["abc"]
    usage = {}
    with open(args.usage, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            usage[row["sku"]] = int(row["qty_issued_12m"])

    items = []
    with open(args.master, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            cost = float(row["unit_cost"])
            items.append((row["sku"], row["description"], cost * usage.get(row["sku"], 0)))

    items.sort(key=lambda it: (-it[2], it[0]))
    total = sum(v for _, _, v in items)
    running = 0.0
    with open(args.out, "w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(["sku", "description", "annual_value", "cum_pct", "class"])
        for sku, desc, value in items:
            running += value
            pct = running / total * 100
            if value > 0 and pct <= cfg["a_max_cum_pct"]:
                cls = "A"
            elif value > 0 and pct <= cfg["b_max_cum_pct"]:
                cls = "B"
            else:
                cls = "C"
            out.writerow([sku, desc, f"{value:.2f}", f"{pct:.2f}", cls])
    print(f"classified {len(items)} SKUs -> {args.out}")


if __name__ == "__main__":
    main()
