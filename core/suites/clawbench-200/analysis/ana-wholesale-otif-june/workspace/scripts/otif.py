#!/usr/bin/env python3
"""OTIF (on time in full) per customer for one month.

Inputs: config/otif.yaml, the order export and the carrier's proof-of-delivery pages
(data/pod/pod_page_*.json, downloaded by fetch_pod.sh). Output: reports/otif_<month>.csv
"""
import csv
import glob
import json
import os
from collections import defaultdict

import yaml

cfg = yaml.safe_load(open("config/otif.yaml", encoding="utf-8"))
month = str(cfg["month"])

orders = defaultdict(lambda: {"customer": None, "requested": None, "lines": {}})
with open(cfg["orders_file"], newline="", encoding="utf-8") as fh:
    for row in csv.DictReader(fh):
        if row["status"] != "confirmed" or not row["requested_date"].startswith(month):
            continue
        o = orders[row["order_id"]]
        o["customer"], o["requested"] = row["customer"], row["requested_date"]
        o["lines"][row["sku"]] = o["lines"].get(row["sku"], 0) + int(row["qty_ordered"])

delivered = defaultdict(int)          # (order, sku) -> qty
last_date = defaultdict(str)          # (order, sku) -> latest delivery date
for page in sorted(glob.glob(cfg["pod_glob"])):
    with open(page, encoding="utf-8") as fh:
        doc = json.load(fh)
    for item in doc["items"]:
        key = (item["order_ref"], item["sku"])
        delivered[key] += int(item["qty"])
        last_date[key] = max(last_date[key], item["delivered_at"][:10])

stats = defaultdict(lambda: {"orders": 0, "on_time": 0, "in_full": 0, "otif": 0})
for oid, o in orders.items():
    keys = [(oid, sku) for sku in o["lines"]]
    on_time = all(last_date[k] and last_date[k] <= o["requested"] for k in keys)
    in_full = all(delivered[k] >= o["lines"][k[1]] for k in keys)
    s = stats[o["customer"]]
    s["orders"] += 1
    s["on_time"] += on_time
    s["in_full"] += in_full
    s["otif"] += on_time and in_full

targets = cfg["targets_pct"]
os.makedirs("reports", exist_ok=True)
with open(f"reports/otif_{month}.csv", "w", newline="", encoding="utf-8") as fh:
    w = csv.writer(fh)
    w.writerow(["customer", "orders", "on_time", "in_full", "otif", "otif_pct", "target_pct", "status"])
    for cust in sorted(stats):
        s = stats[cust]
        pct = round(100.0 * s["otif"] / s["orders"], 1)
        target = targets.get(cust, targets["default"])
        w.writerow([cust, s["orders"], s["on_time"], s["in_full"], s["otif"], f"{pct:.1f}", target,
                    "BELOW" if pct < target else "OK"])
print(f"wrote reports/otif_{month}.csv ({len(orders)} orders)")
