#!/usr/bin/env python3
"""Membership renewal reminders.

Renders one email draft per member whose membership renews soon, from the CRM export and the
template, into the outbox, plus a manifest for the mailing tool. See docs/reminders.md.

Usage: python3 scripts/mailmerge.py [--config config/merge.ini]
"""
import argparse
import configparser
import csv
import os
from datetime import datetime, timedelta


def load_config(path):
    cfg = configparser.ConfigParser()
    cfg.read(path, encoding="utf-8")
    return cfg["merge"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--config", default="config/merge.ini")
    args = ap.parse_args()
    cfg = load_config(args.config)

    run_date = datetime.strptime(cfg["run_date"], "%Y-%m-%d").date()
    window_end = run_date + timedelta(days=int(cfg["window_days"]))
    with open(cfg["template"], encoding="utf-8") as fh:
        template = fh.read()
    outbox = cfg["outbox"]
    os.makedirs(outbox, exist_ok=True)

    manifest = []
    with open(cfg["contacts"], newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["opt_out"] == "yes":
                continue
            renewal = datetime.strptime(row["renewal_date"], "%Y-%m-%d").date()
            if not (run_date <= renewal < window_end):
                continue
            fee = float(row["monthly_fee"])
            text = template.format(
                sender=cfg["sender"],
                first_name=row["first_name"],
                last_name=row["last_name"],
                email=row["email"],
                plan=row["plan"],
                member_id=row["member_id"],
                renewal_date=renewal.strftime("%A %d %B %Y"),
                monthly_fee=f"EUR {fee:.2f}",
            )
            name = row["member_id"] + ".eml"
            with open(os.path.join(outbox, name), "w", encoding="utf-8") as out:
                out.write(text)
            manifest.append([row["member_id"], row["email"], row["plan"], renewal.isoformat(), f"{fee:.2f}", name])

    manifest.sort(key=lambda r: (r[3], r[0]))
    with open(os.path.join(outbox, "manifest.csv"), "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["member_id", "email", "plan", "renewal_date", "monthly_fee", "file"])
        writer.writerows(manifest)
    print(f"{len(manifest)} drafts written to {outbox}")


if __name__ == "__main__":
    main()
