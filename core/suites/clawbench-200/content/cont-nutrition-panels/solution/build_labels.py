#!/usr/bin/env python3
"""Build labels/panels.json (US Nutrition Facts values) from the recipes.

Usage: python3 tools/build_labels.py --date YYYY-MM-DD
Rules: labels/rounding-rules.md
"""
import argparse
import csv
import json
import sys
from decimal import ROUND_HALF_UP, Decimal

import yaml

NUTRIENTS = ["energy_kcal", "fat_g", "sat_fat_g", "trans_fat_g", "cholesterol_mg", "sodium_mg",
             "carb_g", "fibre_g", "sugars_g", "added_sugars_g", "protein_g"]


def nearest(value, step):
    """Round to the nearest multiple of step, halves up (rounding-rules.md)."""
    q = (Decimal(str(value)) / Decimal(str(step))).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return float(q * Decimal(str(step)))


def fmt(number, unit):
    text = f"{number:.1f}".rstrip("0").rstrip(".")
    return f"{text} {unit}"


def declare(nutrient, value):
    v = float(Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
    if nutrient == "energy_kcal":
        if v < 5:
            return 0
        return int(nearest(v, 5) if v <= 50 else nearest(v, 10))
    if nutrient in ("fat_g", "sat_fat_g", "trans_fat_g"):
        if v < 0.5:
            return "0 g"
        return fmt(nearest(v, 0.5) if v < 5 else nearest(v, 1), "g")
    if nutrient == "cholesterol_mg":
        if v < 2:
            return "0 mg"
        if v <= 5:
            return "<5 mg"
        return fmt(nearest(v, 5), "mg")
    if nutrient == "sodium_mg":
        if v < 5:
            return "0 mg"
        return fmt(nearest(v, 5) if v <= 140 else nearest(v, 10), "mg")
    if v < 0.5:
        return "0 g"
    if v < 1:
        return "<1 g"
    return fmt(nearest(v, 1), "g")


def daily_value(amount, dv):
    number = float(amount.split()[0].lstrip("<"))
    return int(nearest(number * 100 / dv, 1))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--date", required=True)
    ap.add_argument("--config", default="labels/config.yaml")
    args = ap.parse_args()
    cfg = yaml.safe_load(open(args.config, encoding="utf-8"))
    recipes = yaml.safe_load(open(cfg["recipes_file"], encoding="utf-8"))["products"]
    with open(cfg["ingredients_file"], newline="", encoding="utf-8") as fh:
        table = {row["code"]: row for row in csv.DictReader(fh)}
    with open(cfg["code_changes_file"], newline="", encoding="utf-8") as fh:
        renamed = {row["old_code"]: row["new_code"] for row in csv.DictReader(fh)}

    products = {}
    for sku, rec in recipes.items():
        totals = dict.fromkeys(NUTRIENTS, 0.0)
        for code, grams in rec["ingredients"].items():
            row = table[renamed.get(code, code)]
            for n in NUTRIENTS:
                totals[n] += grams * float(row[n]) / 100
        per = {n: totals[n] * rec["serving_g"] / rec["yield_g"] for n in NUTRIENTS}
        nutrients = {}
        for n in NUTRIENTS[1:]:
            amount = declare(n, per[n])
            dv = cfg["daily_values"].get(n)
            nutrients[n] = {"amount": amount, "dv": daily_value(amount, dv) if dv else None}
        products[sku] = {
            "name": rec["name"],
            "serving_size": f"{rec['serving_g']} g",
            "servings_per_container": int(nearest(rec["net_g"] / rec["serving_g"], 1)),
            "calories": declare("energy_kcal", per["energy_kcal"]),
            "nutrients": nutrients,
        }
    with open(cfg["output_file"], "w", encoding="utf-8") as fh:
        json.dump({"generated": args.date, "products": products}, fh, indent=2)
        fh.write("\n")
    print(f"wrote {len(products)} panels to {cfg['output_file']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
