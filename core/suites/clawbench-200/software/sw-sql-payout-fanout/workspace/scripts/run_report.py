#!/usr/bin/env python3
"""Run sql/tutor_payouts.sql for one month on a reporting extract.

    python3 scripts/run_report.py --month 2024-06 [--extract data/extract-2024-06.sql]

Loads the extract into an in-memory SQLite database and writes
out/tutor-payouts-<month>.csv with the query's columns, in the query's order.
"""
import argparse
import calendar
import csv
import sqlite3
import sys
from pathlib import Path

COLUMNS = ["tutor_id", "tutor_name", "sessions", "gross_cents", "refunds_cents", "fee_cents", "payout_cents", "avg_rating"]


def month_params(month: str) -> dict:
    year, mon = map(int, month.split("-"))
    last = calendar.monthrange(year, mon)[1]
    nxt = f"{year + (mon == 12)}-{mon % 12 + 1:02d}-01"
    return {"month_start": f"{month}-01", "month_end": nxt, "month_last_day": f"{month}-{last:02d}"}


def run(extract: str, month: str):
    db = sqlite3.connect(":memory:")
    db.executescript(Path(extract).read_text(encoding="utf-8"))
    query = Path("sql/tutor_payouts.sql").read_text(encoding="utf-8")
    cur = db.execute(query, month_params(month))
    names = [d[0] for d in cur.description]
    if names != COLUMNS:
        raise SystemExit(f"query returns columns {names}, expected {COLUMNS}")
    return cur.fetchall()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--month", required=True)
    parser.add_argument("--extract")
    args = parser.parse_args()
    extract = args.extract or f"data/extract-{args.month}.sql"
    rows = run(extract, args.month)
    out = Path(f"out/tutor-payouts-{args.month}.csv")
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(COLUMNS)
        for row in rows:
            *head, rating = row
            w.writerow([*head, "" if rating is None else f"{rating:.2f}"])
    print(f"{len(rows)} tutor(s) written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
