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
from decimal import Decimal, InvalidOperation

OPT_OUT = {"yes", "y", "true", "1"}


def load_config(path):
    cfg = configparser.ConfigParser()
    if not cfg.read(path, encoding="utf-8"):
        raise SystemExit(f"config file {path} not found")
    return cfg["merge"]


def parse_date(text):
    """CRM dates are ISO (YYYY-MM-DD) or, in older records, DD/MM/YYYY."""
    text = text.strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            pass
    raise ValueError(f"unrecognised date {text!r}")


def parse_fee(text):
    try:
        return Decimal(text.strip().replace(",", "")).quantize(Decimal("0.01"))
    except InvalidOperation:
        raise ValueError(f"unrecognised fee {text!r}") from None


def long_date(d):
    return f"{d.strftime('%A')} {d.day} {d.strftime('%B')} {d.year}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--config", default="config/merge.ini")
    args = ap.parse_args()
    cfg = load_config(args.config)

    run_date = parse_date(cfg["run_date"])
    window_end = run_date + timedelta(days=int(cfg["window_days"]))
    with open(cfg["template"], encoding="utf-8") as fh:
        template = fh.read()
    outbox = cfg["outbox"]
    os.makedirs(outbox, exist_ok=True)

    manifest = []
    with open(cfg["contacts"], newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["status"].strip() != "active":
                continue
            if row["opt_out"].strip().lower() in OPT_OUT:
                continue
            renewal = parse_date(row["renewal_date"])
            if not (run_date <= renewal <= window_end):
                continue
            fee = parse_fee(row["monthly_fee"])
            first, last, email = row["first_name"].strip(), row["last_name"].strip(), row["email"].strip()
            full = " ".join(p for p in (first, last) if p)
            text = template.format(
                sender=cfg["sender"],
                to=f"{full} <{email}>" if full else email,
                greeting_name=first or "there",
                plan=row["plan"],
                member_id=row["member_id"],
                renewal_date=long_date(renewal),
                monthly_fee=f"EUR {fee:,.2f}",
            )
            name = row["member_id"] + ".eml"
            with open(os.path.join(outbox, name), "w", encoding="utf-8") as out:
                out.write(text)
            manifest.append([row["member_id"], email, row["plan"], renewal.isoformat(), f"{fee:.2f}", name])

    manifest.sort(key=lambda r: (r[3], r[0]))
    with open(os.path.join(outbox, "manifest.csv"), "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["member_id", "email", "plan", "renewal_date", "monthly_fee", "file"])
        writer.writerows(manifest)
    print(f"{len(manifest)} drafts written to {outbox}")


if __name__ == "__main__":
    main()
