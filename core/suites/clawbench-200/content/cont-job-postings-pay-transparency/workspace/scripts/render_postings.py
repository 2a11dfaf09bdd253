#!/usr/bin/env python3
"""Render the careers-site job postings.

Reads the open reqs, the pay bands and the geo zones named in config/postings.toml, fills
ads/templates/posting.md with each req's draft for each of its locations and writes
ads/out/<REQ-ID>-<location-slug>.md plus the careers-site feed ads/out/postings.json.

Usage: python3 scripts/render_postings.py [--config config/postings.toml]

Written by Sam (people-ops contractor), March 2024.
"""
import argparse
import csv
import datetime as dt
import json
import os
import re
import tomllib

import yaml

# States whose pay-transparency laws need more than the range (see compliance/).
BENEFITS_STATES = {"CO", "WA"}
DEADLINE_STATES = {"CO"}


def slug(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def load_bands(path):
    bands = {}
    with open(path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            bands[(row["family"], row["level"])] = {
                "basis": row["pay_basis"],
                "min": float(row["min"]),
                "max": float(row["max"]),
            }
    return bands


def pay_range(band, multiplier):
    lo = band["min"] * multiplier
    hi = band["max"] * multiplier
    if band["basis"] == "hourly":
        return round(lo, 2), round(hi, 2)
    return int(round(lo, -3)), int(round(hi, -3))


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
    template = open(paths["template"], encoding="utf-8").read()
    benefits = open(paths["benefits"], encoding="utf-8").read().strip()
    os.makedirs(paths["out"], exist_ok=True)

    feed = []
    for req in sorted(reqs, key=lambda r: r["id"]):
        band = bands[(req["family"], req["level"])]
        body = open(os.path.join(paths["drafts"], req["draft"]), encoding="utf-8").read().strip()
        posted = dt.date.fromisoformat(str(req["post_date"]))
        for location in req["locations"]:
            # unknown or remote locations are paid at the national (zone A) level
            zone = geo["metros"].get(location, "A")
            lo, hi = pay_range(band, geo["multipliers"][zone])
            state = location.rsplit(", ", 1)[-1] if ", " in location else ""
            show_benefits = state in BENEFITS_STATES
            apply_by = (posted + dt.timedelta(days=post["window_days"])).isoformat() \
                if state in DEADLINE_STATES else None
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
    with open(os.path.join(paths["out"], "postings.json"), "w", encoding="utf-8") as fh:
        json.dump({"company": post["company"], "postings": feed}, fh, indent=2)
        fh.write("\n")
    print(f"wrote {len(feed)} postings to {paths['out']}")


if __name__ == "__main__":
    main()
