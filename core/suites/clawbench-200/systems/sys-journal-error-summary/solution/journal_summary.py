#!/usr/bin/env python3
"""Summarise a day of journald output (journalctl -o json) per unit.

Usage: python3 scripts/journal_summary.py logs/journal-YYYY-MM-DD.jsonl [-o reports/journal-summary-YYYY-MM-DD.csv]
See docs/journal-summary.md for the output format.
"""
import argparse
import collections
import csv
import json
import re
from datetime import datetime, timezone

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def unit_of(entry):
    if "_SYSTEMD_UNIT" in entry:
        return entry["_SYSTEMD_UNIT"]
    if entry.get("_TRANSPORT") == "kernel":
        return "kernel"
    return entry.get("SYSLOG_IDENTIFIER", "unknown")


def message_of(entry):
    """MESSAGE is a string, null, or (with control characters) an array of byte values."""
    msg = entry.get("MESSAGE")
    if msg is None:
        return ""
    if isinstance(msg, list):
        msg = bytes(msg).decode("utf-8", errors="replace")
    return ANSI.sub("", msg).strip()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("journal")
    ap.add_argument("-o", "--output")
    args = ap.parse_args()
    out = args.output or args.journal.replace("logs/journal-", "reports/journal-summary-").replace(".jsonl", ".csv")

    stats = collections.defaultdict(lambda: {"errors": 0, "warnings": 0, "first": None, "msgs": collections.Counter(), "seen": {}})
    n = skipped = 0
    with open(args.journal, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            try:
                entry = json.loads(line)
            except json.JSONDecodeError:
                skipped += 1
                continue
            if not isinstance(entry, dict):
                skipped += 1
                continue
            n += 1
            prio = int(entry.get("PRIORITY", 6))
            unit = unit_of(entry)
            msg = message_of(entry)
            ts = int(entry["__REALTIME_TIMESTAMP"])
            if prio <= 3:
                s = stats[unit]
                s["errors"] += 1
                s["msgs"][msg] += 1
                s["seen"].setdefault(msg, ts)
                s["seen"][msg] = min(s["seen"][msg], ts)
                if s["first"] is None or ts < s["first"]:
                    s["first"] = ts
            elif prio == 4:
                stats[unit]["warnings"] += 1

    rows = []
    for unit, s in stats.items():
        first = ""
        if s["first"] is not None:
            first = datetime.fromtimestamp(s["first"] / 1e6, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        top = ""
        if s["msgs"]:
            top = min(s["msgs"], key=lambda m: (-s["msgs"][m], s["seen"][m]))
        rows.append([unit, s["errors"], s["warnings"], first, top])
    rows.sort(key=lambda r: (-r[1], r[0]))
    with open(out, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["unit", "errors", "warnings", "first_error_utc", "top_error"])
        w.writerows(rows)
    print(f"{n} entries, {skipped} skipped -> {out}")


if __name__ == "__main__":
    main()
