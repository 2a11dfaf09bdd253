#!/usr/bin/env python3
"""Render the Black Friday promo email for one locale.

Usage: python3 tools/render_promo.py LOCALE [--ends YYYY-MM-DD]
Reads emails/templates/promo.LOCALE.md, pricing/black-friday-2024.csv and
locales/conventions.yaml; writes emails/out/promo.LOCALE.md.
"""
import argparse
import csv
import datetime
import os
import re
import sys

import yaml


def fmt_number(value, conv):
    text = f"{value:,.2f}"
    return text.replace(",", conv["group"]).replace(".", conv["decimal"])


def fmt_money(value, conv):
    return conv["money"].format(n=fmt_number(value, conv))


def discount(regular, promo):
    return int((1 - promo / regular) * 100)


def fmt_date(day, conv):
    return conv["date"].format(d=day.day, month=conv["months"][day.month - 1], y=day.year)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("locale")
    ap.add_argument("--ends", default="2024-12-02")
    args = ap.parse_args()
    conv = yaml.safe_load(open("locales/conventions.yaml", encoding="utf-8"))[args.locale]
    rows = [r for r in csv.DictReader(open("pricing/black-friday-2024.csv", encoding="utf-8"))
            if r["market"] == conv["market"]]
    template = open(f"emails/templates/promo.{args.locale}.md", encoding="utf-8").read()

    items = []
    for r in rows:
        regular, promo = float(r["regular_price"]), float(r["promo_price"])
        items.append({"name": r["name"], "regular": fmt_money(regular, conv), "promo": fmt_money(promo, conv),
                      "discount": conv["percent"].format(n=discount(regular, promo)), "_d": discount(regular, promo)})
    ends = fmt_date(datetime.date.fromisoformat(args.ends), conv)
    best = conv["percent"].format(n=max(i["_d"] for i in items))

    block = re.search(r"\{\{#products\}\}(.*?)\{\{/products\}\}", template, re.S)
    lines = "".join(re.sub(r"\{\{(\w+)\}\}", lambda m: item[m.group(1)], block.group(1)) for item in items)
    out = template[:block.start()] + lines + template[block.end():]
    out = out.replace("{{max_discount}}", best).replace("{{ends}}", ends)
    os.makedirs("emails/out", exist_ok=True)
    with open(f"emails/out/promo.{args.locale}.md", "w", encoding="utf-8") as fh:
        fh.write(out)
    print(f"{args.locale}: {len(items)} products, up to {best}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
