"""Weekly per-agent totals from a timesheet export.

    python3 -m shiftlog.report data/timesheet-2024-W23.csv --out out/weekly-W23.csv
"""
from __future__ import annotations

import argparse
import csv
import sys

from .durations import format_minutes, parse_duration


def weekly_totals(rows):
    """({agent: (entries, minutes)}, skipped rows) for an iterable of timesheet rows."""
    totals: dict[str, tuple[int, int]] = {}
    skipped = 0
    for row in rows:
        if not (row.get("duration") or "").strip():
            skipped += 1
            continue
        minutes = parse_duration(row["duration"])
        entries, total = totals.get(row["agent"], (0, 0))
        totals[row["agent"]] = (entries + 1, total + minutes)
    return totals, skipped


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("timesheet")
    ap.add_argument("--out", required=True)
    args = ap.parse_args(argv)
    with open(args.timesheet, newline="", encoding="utf-8") as fh:
        totals, skipped = weekly_totals(csv.DictReader(fh))
    with open(args.out, "w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh, lineterminator="\n")
        out.writerow(["agent", "entries", "total_minutes", "total"])
        for agent in sorted(totals):
            entries, minutes = totals[agent]
            out.writerow([agent, entries, minutes, format_minutes(minutes)])
    print(f"{skipped} rows skipped", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
