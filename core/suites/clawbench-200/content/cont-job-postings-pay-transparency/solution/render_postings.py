#!/usr/bin/env python3
"""Render the careers-site job postings.

Reads the open reqs, the pay bands and the geo zones named in config/postings.toml, fills
ads/templates/posting.md with each req's draft for each of its locations and writes
ads/out/<REQ-ID>-<location-slug>.md plus the careers-site feed ads/out/postings.json.
Postings in ads/out that this run did not produce are removed (the careers site mirrors
the folder).

Rules: compliance/pay-transparency.md (Hartley & Moss advice of 2024-12-09).

Usage: python3 scripts/render_postings.py [--config config/postings.toml]

Written by Sam (people-ops contractor), March 2024; updated January 2025 for the 2025
bands export, the 2025 pay-transparency rules and remote postings.
"""
import argparse
import csv
import datetime as dt
import json
import os
import re
import tomllib
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal

import yaml

# Where the benefits description / the application deadline must be shown
# (compliance/pay-transparency.md, sections 2 and 3). Remote (US) postings need both.
BENEFITS_STATES = {"CO", "WA", "IL"}
DEADLINE_STATES = {"CO"}
REMOTE = "Remote (US)"
POSTABLE_STATUS = "approved"


def slug(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def money(text):
    """'$149,000' / '149000' / '$25.40' -> Decimal."""
    return Decimal(str(text).strip().replace("$", "").replace(",", ""))


def load_bands(path):
    bands = {}
    with open(path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            bands[(row["family"].strip(), row["level"].strip())] = {
                "basis": row["pay_basis"].strip(),
                "min": money(row["min"]),
                "max": money(row["max"]),
            }
    return bands


def pay_range(band, lo_mult, hi_mult):
    lo = band["min"] * Decimal(str(lo_mult))
    hi = band["max"] * Decimal(str(hi_mult))
    if band["basis"] == "hourly":
        cent = Decimal("0.01")
        return float(lo.quantize(cent, ROUND_HALF_UP)), float(hi.quantize(cent, ROUND_HALF_UP))
    step = Decimal(500)
    lo = (lo / step).to_integral_value(ROUND_FLOOR) * step
    hi = (hi / step).to_integral_value(ROUND_CEILING) * step
    return int(lo), int(hi)


def fmt_pay(lo, hi, basis):
    if basis == "hourly":
        return f"${lo:,.2f} - ${hi:,.2f} per hour"
    return f"${lo:,} - ${hi:,} per year"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--config", default="config/postings.toml")
    args = ap.parse_args()
    with open(args.config, "rb") as fh:
        cfg = tomllib.load(fh)
    paths, post = cfg["paths"], cfg["posting"]

    reqs = yaml.safe_load(open(paths["reqs"], encoding="utf-8"))["reqs"]
    bands = load_bands(paths["bands"])
    geo = tomllib.load(open(paths["geo"], "rb"))
    mult = geo["multipliers"]
    template = open(paths["template"], encoding="utf-8").read()
    benefits = open(paths["benefits"], encoding="utf-8").read().strip()
    os.makedirs(paths["out"], exist_ok=True)

    feed = []
    written = set()
    for req in sorted(reqs, key=lambda r: r["id"]):
        if str(req.get("status", "")).strip() != POSTABLE_STATUS:
            print(f"skipping {req['id']}: status {req.get('status')}")
            continue
        band = bands[(req["family"], req["level"])]
        body = open(os.path.join(paths["drafts"], req["draft"]), encoding="utf-8").read().strip()
        posted = dt.date.fromisoformat(str(req["post_date"]))
        for location in req["locations"]:
            remote = location == REMOTE
            if remote:
                lo, hi = pay_range(band, mult["C"], mult["A"])
            else:
                zone = geo["metros"][location]
                lo, hi = pay_range(band, mult[zone], mult[zone])
            state = location.rsplit(", ", 1)[-1] if ", " in location else ""
            show_benefits = remote or state in BENEFITS_STATES
            apply_by = (posted + dt.timedelta(days=post["window_days"])).isoformat() \
                if (remote or state in DEADLINE_STATES) else None
            name = f"{req['id']}-{slug(location)}.md"
            apply_url = post["apply_base_url"] + req["id"]
            text = template.format(
                title=req["title"],
                location=location,
                employment_type=req["employment_type"],
                post_date=posted.isoformat(),
                body=body,
                pay=fmt_pay(lo, hi, band["basis"]),
                benefits=(benefits + "\n\n") if show_benefits else "",
                deadline=(f"Applications accepted until: {apply_by}\n\n") if apply_by else "",
                apply_url=apply_url,
                company=post["company"],
            )
            with open(os.path.join(paths["out"], name), "w", encoding="utf-8") as fh:
                fh.write(text)
            written.add(name)
            feed.append({
                "req_id": req["id"],
                "title": req["title"],
                "location": location,
                "file": name,
                "pay_basis": band["basis"],
                "pay_min": lo,
                "pay_max": hi,
                "currency": post["currency"],
                "benefits_disclosed": show_benefits,
                "apply_by": apply_by,
                "apply_url": apply_url,
            })
    for name in sorted(os.listdir(paths["out"])):
        if name.endswith(".md") and name not in written:
            os.remove(os.path.join(paths["out"], name))
            print(f"removed stale posting {name}")
    with open(os.path.join(paths["out"], "postings.json"), "w", encoding="utf-8") as fh:
        json.dump({"company": post["company"], "postings": feed}, fh, indent=2)
        fh.write("\n")
    print(f"wrote {len(feed)} postings to {paths['out']}")


if __name__ == "__main__":
    main()
