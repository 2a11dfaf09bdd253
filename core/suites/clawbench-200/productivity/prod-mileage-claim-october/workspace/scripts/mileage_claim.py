#!/usr/bin/env python3
"""Monthly business-mileage claim (HMRC approved mileage rates).

    python3 scripts/mileage_claim.py [--config config/claim.toml]

Reads the trip log named in the config, skips commuting, prices every business trip at the
45p rate until the tax year's claimable miles pass the threshold and at 25p after that (a
trip that crosses the threshold is split), adds 5p per mile per passenger, and writes the
claim CSV with a TOTAL row.
"""
import argparse
import csv
import os
import sys
import tomllib


def parse_miles(text):
    return float(text)


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config/claim.toml")
    args = ap.parse_args(argv)
    with open(args.config, "rb") as fh:
        cfg = tomllib.load(fh)
    claim, rates = cfg["claim"], cfg["rates"]
    ytd = float(claim["ytd_miles_before"])
    threshold = float(rates["threshold_miles"])
    out_rows = []
    total_miles = 0.0
    total_amount = 0.0
    with open(claim["trips_file"], newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["type"].strip().lower() != "business":
                continue
            miles = parse_miles(row["miles"])
            below = max(0.0, min(miles, threshold - ytd))
            above = miles - below
            band = "45p" if above == 0 else ("25p" if below == 0 else "split")
            passengers = int(row["passengers"] or 0)
            amount = round(below * rates["rate_below"] + above * rates["rate_above"]
                           + miles * passengers * rates["passenger_rate"], 2)
            ytd += miles
            total_miles += miles
            total_amount += amount
            out_rows.append([row["date"], row["from"], row["to"], f"{miles:.1f}", band, passengers, f"{amount:.2f}"])
    os.makedirs(os.path.dirname(claim["output_file"]) or ".", exist_ok=True)
    with open(claim["output_file"], "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["date", "from", "to", "miles", "band", "passengers", "amount"])
        w.writerows(out_rows)
        w.writerow(["TOTAL", "", "", f"{total_miles:.1f}", "", "", f"{total_amount:.2f}"])
    print(f"{claim['month']}: {len(out_rows)} business trips, {total_miles:.1f} miles, "
          f"GBP {total_amount:.2f}; tax-year miles now {ytd:.1f}")


if __name__ == "__main__":
    sys.exit(main())
