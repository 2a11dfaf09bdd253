#!/usr/bin/env python3
"""UK VAT return (9 boxes) from the Xero day-book exports.

    python3 scripts/vat_return.py --config config/vat.ini

Writes the JSON named in [output] return_file. Boxes 1-5 in pounds and pence, boxes 6-9
in whole pounds (pence dropped), as HMRC wants them.
"""
import argparse
import configparser
import csv
import json
import math

def amount(text):
    """'1,234.50' -> 1234.5; accounting negatives '(1,234.50)' or '-1,234.50' -> -1234.5."""
    text = text.strip().replace(",", "")
    if text.startswith("(") and text.endswith(")"):
        return -float(text[1:-1])
    return float(text)


def blocked_categories(cfg):
    """Purchase categories whose input VAT may not be reclaimed (config, case-insensitive)."""
    raw = cfg["input"].get("blocked_categories", "")
    return {c.strip().lower() for c in raw.split(",") if c.strip()}


def in_period(date, start, end):
    return start <= date <= end


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config/vat.ini")
    args = ap.parse_args()
    cfg = configparser.ConfigParser()
    cfg.read(args.config, encoding="utf-8")
    start, end = cfg["period"]["start"], cfg["period"]["end"]
    rc_rate = float(cfg["rates"]["reverse_charge_pct"]) / 100
    blocked = blocked_categories(cfg)

    out_vat = sales_net = 0.0
    with open(cfg["input"]["sales"], newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if not in_period(row["date"], start, end):
                continue
            out_vat += amount(row["vat_gbp"])
            sales_net += amount(row["net_gbp"])

    in_vat = purchases_net = rc_vat = 0.0
    with open(cfg["input"]["purchases"], newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if not in_period(row["date"], start, end):
                continue
            cat = row["category"].strip().lower()
            net = amount(row["net_gbp"])
            if cat == "import_goods":
                continue                      # value and VAT come from the PIVA statements
            purchases_net += net
            if cat == "reverse_charge_services":
                rc_vat += round(net * rc_rate, 2)
            elif cat not in blocked:
                in_vat += amount(row["vat_gbp"])

    piva_vat = piva_value = 0.0
    with open(cfg["input"]["piva"], newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if start[:7] <= row["month"] <= end[:7]:
                piva_vat += amount(row["import_vat_gbp"])
                piva_value += amount(row["customs_value_gbp"])

    box1 = round(out_vat + rc_vat + piva_vat, 2)
    box2 = 0.0
    box3 = round(box1 + box2, 2)
    box4 = round(in_vat + rc_vat + piva_vat, 2)
    box5 = round(box3 - box4, 2)
    result = {
        "period": cfg["period"]["name"],
        "box1": box1, "box2": box2, "box3": box3, "box4": box4, "box5": box5,
        "box6": math.floor(sales_net), "box7": math.floor(purchases_net + piva_value),
        "box8": 0, "box9": 0,
    }
    with open(cfg["output"]["return_file"], "w", encoding="utf-8") as fh:
        json.dump(result, fh, indent=2)
        fh.write("\n")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
