#!/usr/bin/env python3
"""Audit a ParcelNord invoice against the contract rate card and our shipment manifest.

usage: python3 scripts/audit_invoice.py INVOICE_CSV --manifest MANIFEST_CSV [--out audit]

Writes <out>/disputes-<invoice no>.csv and <out>/summary-<invoice no>.json (see AUDIT.md).
"""
import argparse
import csv
import glob
import json
import math
import os
import re
import tomllib
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

RATES_GLOB = "rates/parcelnord-*.toml"   # one file per rate card; the card in force on the ship date applies


def cents(x):
    return Decimal(str(x)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def load_cards():
    cards = []
    for path in sorted(glob.glob(RATES_GLOB)):
        with open(path, "rb") as fh:
            cards.append(tomllib.load(fh))
    if not cards:
        raise SystemExit(f"no rate cards match {RATES_GLOB}")
    return sorted(cards, key=lambda c: c["card"]["effective_from"])


def card_for(cards, ship_date):
    valid = [c for c in cards if c["card"]["effective_from"] <= ship_date]
    if not valid:
        raise SystemExit(f"no rate card in force on {ship_date}")
    return valid[-1]


def expected_charge(card, country, postcode, weight_kg, dims):
    c = card["card"]
    length, width, height = dims
    volumetric = length * width * height / c["volumetric_divisor"]
    billable = max(weight_kg, volumetric)
    step = c["weight_step_kg"]
    billable = math.ceil(round(billable / step, 9)) * step
    if billable > c["max_billable_kg"]:
        raise ValueError(f"billable weight {billable} above the contract maximum")
    zone = card["zones"].get(country, card["zones"]["default"])
    base = next(Decimal(str(b[zone])) for b in card["bands"] if billable <= b["up_to_kg"])
    fuel = cents(base * Decimal(str(c["fuel_surcharge_pct"])) / 100)
    extra = Decimal("0.00")
    if country == "NL":
        digits = int(re.sub(r"\D", "", postcode)[:4])
        if any(lo <= digits <= hi for lo, hi in card["surcharges"]["wadden_postcode_ranges"]):
            extra = cents(card["surcharges"]["wadden_islands_eur"])
    return base + fuel + extra


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("invoice")
    ap.add_argument("--manifest", required=True)
    ap.add_argument("--out", default="audit")
    args = ap.parse_args()

    cards = load_cards()
    manifest = {}
    with open(args.manifest, newline="") as fh:
        for row in csv.DictReader(fh):
            if row["carrier"] == "parcelnord":
                manifest[row["shipment_id"]] = row

    invoice_no = os.path.splitext(os.path.basename(args.invoice))[0]
    with open(args.invoice, newline="") as fh:
        lines = [l for l in fh if not l.startswith("#")]
    rows = list(csv.DictReader(lines))

    seen, disputes = set(), []
    expected_total = invoice_total = Decimal("0")
    under_n, under_amt = 0, Decimal("0")
    for r in rows:
        invoiced = Decimal(r["total_eur"])
        invoice_total += invoiced
        sid = r["shipment_id"]
        if sid in seen:
            reason, expected = "duplicate", Decimal("0.00")
        elif sid not in manifest:
            reason, expected = "not_our_shipment", Decimal("0.00")
        else:
            m = manifest[sid]
            card = card_for(cards, date.fromisoformat(m["ship_date"]))
            expected = expected_charge(card, m["country"], m["postcode"], float(m["weight_kg"]),
                                       (int(m["length_cm"]), int(m["width_cm"]), int(m["height_cm"])))
            reason = "overcharge" if invoiced - expected > Decimal("0.01") else None
            if expected - invoiced > Decimal("0.01"):
                under_n += 1
                under_amt += expected - invoiced
        seen.add(sid)
        expected_total += expected
        if reason:
            disputes.append({"line": int(r["line"]), "shipment_id": sid, "reason": reason,
                             "invoiced_eur": f"{invoiced:.2f}", "expected_eur": f"{expected:.2f}",
                             "difference_eur": f"{invoiced - expected:.2f}"})

    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, f"disputes-{invoice_no}.csv"), "w", newline="") as fh:
        w = csv.DictWriter(fh, ["line", "shipment_id", "reason", "invoiced_eur", "expected_eur", "difference_eur"],
                           lineterminator="\n")
        w.writeheader()
        w.writerows(disputes)
    summary = {
        "invoice": invoice_no,
        "lines": len(rows),
        "invoice_total_eur": float(invoice_total),
        "expected_total_eur": float(expected_total),
        "disputed_lines": len(disputes),
        "disputed_amount_eur": float(sum(Decimal(d["difference_eur"]) for d in disputes)),
        "by_reason": {k: sum(1 for d in disputes if d["reason"] == k)
                      for k in ("duplicate", "not_our_shipment", "overcharge")},
        "undercharged_lines": under_n,
        "undercharged_amount_eur": float(under_amt),
    }
    with open(os.path.join(args.out, f"summary-{invoice_no}.json"), "w") as fh:
        json.dump(summary, fh, indent=2)
        fh.write("\n")
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
