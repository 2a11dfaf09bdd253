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
        if not run.get("snapshot_id"):
            continue  # exit code 1: no snapshot (exit code 3 still wrote one)
        backups.setdefault(run["host"], []).append((parse(run["finished_at"]), run["snapshot_id"][:8]))

    last_check = {}
    for row in csv.DictReader(open(f"backup/check-runs-{period}.csv")):
        if row["result"] == "ok":
            last_check[row["host"]] = max(last_check.get(row["host"], ""), row["date"])

    exceptions = {}
    for row in csv.DictReader(open("backup/exceptions.csv")):
        exceptions[row["host"]] = max(exceptions.get(row["host"], ""), row["valid_until"])

    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["host", "tier", "rpo_hours", "snapshots", "max_gap_h", "rpo_breaches", "last_check_ok", "status"])
    for host in sorted(policy["hosts"]):
        tier = policy["hosts"][host]
        limits = policy["tiers"][tier]
        all_times = sorted(t for t, _ in backups.get(host, []))
        times = [t for t in all_times if start <= t < end]
        before = [t for t in all_times if t < start]
        points = [before[-1] if before else start] + times + [end]
        gaps = [(b - a).total_seconds() / 3600 for a, b in zip(points, points[1:])]
        breaches = sum(1 for g in gaps if g > limits["rpo_hours"])
        checked = last_check.get(host, "")
        last_day = (end - datetime.timedelta(days=1)).date()
        overdue = not checked or (last_day - datetime.date.fromisoformat(checked)).days > limits["check_max_age_days"]
        excepted = exceptions.get(host, "") >= last_day.isoformat()
        if excepted:
            status = "excepted"
        elif breaches:
            status = "rpo_breach"
        elif overdue:
            status = "check_overdue"
        else:
            status = "ok"
        out.writerow([host, tier, limits["rpo_hours"], len(times), f"{max(gaps):.1f}", breaches, checked, status])


if __name__ == "__main__":
    main(sys.argv[1])
