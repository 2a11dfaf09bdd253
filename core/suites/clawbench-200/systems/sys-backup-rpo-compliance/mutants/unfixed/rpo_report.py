#!/usr/bin/env python3
"""Monthly backup compliance report (see docs/backup-compliance.md).

usage: python3 scripts/rpo_report.py 2025-04 > reports/backup-compliance-2025-04.csv
"""
import csv
import datetime
import json
import sys

import yaml


def parse(ts):
    return datetime.datetime.strptime(ts, "%Y-%m-%dT%H:%M:%SZ")


def main(period):
    year, month = map(int, period.split("-"))
    start = datetime.datetime(year, month, 1)
    end = datetime.datetime(year + month // 12, month % 12 + 1, 1)
    policy = yaml.safe_load(open("backup/policy.yaml"))

    backups = {}
    for line in open(f"backup/restic-runs-{period}.jsonl"):
        run = json.loads(line)
        short = run["snapshot_id"][:8]
        if run["exit_code"] != 0:
            continue
        backups.setdefault(run["host"], []).append((parse(run["finished_at"]), short))

    last_check = {}
    for row in csv.DictReader(open(f"backup/check-runs-{period}.csv")):
        if row["result"] == "ok":
            last_check[row["host"]] = max(last_check.get(row["host"], ""), row["date"])

    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["host", "tier", "rpo_hours", "snapshots", "max_gap_h", "rpo_breaches", "last_check_ok", "status"])
    for host in sorted(policy["hosts"]):
        tier = policy["hosts"][host]
        limits = policy["tiers"][tier]
        times = sorted(t for t, _ in backups.get(host, []) if start <= t < end)
        points = [start] + times + [end]
        gaps = [(b - a).total_seconds() / 3600 for a, b in zip(points, points[1:])]
        breaches = sum(1 for g in gaps if g > limits["rpo_hours"])
        checked = last_check.get(host, "")
        last_day = (end - datetime.timedelta(days=1)).date()
        overdue = not checked or (last_day - datetime.date.fromisoformat(checked)).days > limits["check_max_age_days"]
        status = "rpo_breach" if breaches else ("check_overdue" if overdue else "ok")
        out.writerow([host, tier, limits["rpo_hours"], len(times), f"{max(gaps):.1f}", breaches, checked, status])


if __name__ == "__main__":
    main(sys.argv[1])
