#!/usr/bin/env python3
"""Summarise a day of journald output (journalctl -o json) per unit.

Usage: python3 scripts/journal_summary.py logs/journal-YYYY-MM-DD.jsonl [-o reports/journal-summary-YYYY-MM-DD.csv]
See docs/journal-summary.md for the output format.
"""
import argparse
import collections
import csv
import json
from datetime import datetime


def unit_of(entry):
    if "_SYSTEMD_UNIT" in entry:
        return entry["_SYSTEMD_UNIT"]
    if entry.get("_TRANSPORT") == "kernel":
        return "kernel"
    return entry.get("SYSLOG_IDENTIFIER", "unknown")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("journal")
    ap.add_argument("-o", "--output")
    args = ap.parse_args()
    out = args.output or args.journal.replace("logs/journal-", "reports/journal-summary-").replace(".jsonl", ".csv")

    stats = collections.defaultdict(lambda: {"errors": 0, "warnings": 0, "first": None, "msgs": collections.Counter()})
    n = 0
    with open(args.journal, encoding="utf-8") as fh:
        for line in fh:
            entry = json.loads(line)
            n += 1
            prio = int(entry["PRIORITY"])
            unit = unit_of(entry)
            msg = entry.get("MESSAGE") or ""
            msg = msg.strip()
            ts = int(entry["__REALTIME_TIMESTAMP"]) / 1e6
            if prio < 3:
                s = stats[unit]
                s["errors"] += 1
                s["msgs"][msg] += 1
                if s["first"] is None or ts < s["first"]:
                    s["first"] = ts
            elif prio == 4:
                stats[unit]["warnings"] += 1

    rows = []
    for unit in sorted(stats):
        s = stats[unit]
        first = datetime.fromtimestamp(s["first"]).strftime("%Y-%m-%dT%H:%M:%SZ") if s["first"] else ""
        top = s["msgs"].most_common(1)[0][0] if s["msgs"] else ""
        rows.append([unit, s["errors"], s["warnings"], first, top])
    with open(out, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["unit", "errors", "warnings", "first_error_utc", "top_error"])
        w.writerows(rows)
    print(f"{n} entries, 0 skipped -> {out}")


if __name__ == "__main__":
    main()
