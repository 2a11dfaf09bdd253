"""Accounts-receivable aging: open invoice amounts per customer in due-date buckets."""
from __future__ import annotations

import csv
import datetime as dt
import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

BUCKETS = ["current", "1-30", "31-60", "61-90", "90+"]


def _parse_amount(text):
    s = text.strip().replace(",", "")
    negative = False
    if s.startswith("(") and s.endswith(")"):
        negative, s = True, s[1:-1].strip()
    if not s:
        raise ValueError(f"invalid amount: {text!r}")
    try:
        value = Decimal(s)
    except InvalidOperation:
        raise ValueError(f"invalid amount: {text!r}") from None
    value = value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return -value if negative else value


def _fmt_amount(value):
    return f"{value:,.2f}"


def _slug(name):
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


def _parse_date(text):
    text = text.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return dt.date.fromisoformat(text)
    m = re.fullmatch(r"(\d{2})\.(\d{2})\.(\d{4})", text)
    if m:
        return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    raise ValueError(f"invalid date: {text!r}")


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
    as_of = _parse_date(as_of) if isinstance(as_of, str) else as_of
    totals = {}
    names = {}
    with open(input_path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            open_amount = _parse_amount(row["amount"]) - _parse_amount(row["paid"] or "0")
            if open_amount == 0:
                continue
            key = _slug(row["customer"])
            names.setdefault(key, row["customer"].strip())
            days = (as_of - _parse_date(row["due_date"])).days
            per = totals.setdefault(key, {b: Decimal("0.00") for b in BUCKETS})
            per[bucket(days)] += open_amount
    with open(output_path, "w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh, lineterminator="\n")
        out.writerow(["customer_slug", "customer", *BUCKETS, "total"])
        for key in sorted(totals):
            per = totals[key]
            out.writerow([key, names[key], *(_fmt_amount(per[b]) for b in BUCKETS), _fmt_amount(sum(per.values()))])
