"""Accounts-receivable aging: open invoice amounts per customer in due-date buckets."""
from __future__ import annotations

import csv
from decimal import Decimal

from ..common import format_amount, parse_amount, parse_date, slugify

BUCKETS = ["current", "1-30", "31-60", "61-90", "90+"]


def bucket(days_overdue):
    if days_overdue <= 0:
        return "current"
    if days_overdue <= 30:
        return "1-30"
    if days_overdue <= 60:
        return "31-60"
    if days_overdue <= 90:
        return "61-90"
    return "90+"


def run(input_path, output_path, as_of):
    as_of = parse_date(as_of) if isinstance(as_of, str) else as_of
    totals = {}
    names = {}
    with open(input_path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            open_amount = parse_amount(row["amount"]) - parse_amount(row["paid"] or "0")
            if open_amount == 0:
                continue
            key = slugify(row["customer"])
            names.setdefault(key, row["customer"].strip())
            days = (as_of - parse_date(row["due_date"])).days
            per = totals.setdefault(key, {b: Decimal("0.00") for b in BUCKETS})
            per[bucket(days)] += open_amount
    with open(output_path, "w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh, lineterminator="\n")
        out.writerow(["customer_slug", "customer", *BUCKETS, "total"])
        for key in sorted(totals):
            per = totals[key]
            out.writerow([key, names[key], *(format_amount(per[b]) for b in BUCKETS), format_amount(sum(per.values()))])
