"""State after the cron triage of 2024-06-27.

Usage: check_cron.py crontab|exports|rerun|consistent
"""
import json
import os
import re
import sys


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


JOBS = ["sync-orders", "hourly-rollup", "nightly-export", "refresh-dims", "snapshot-s3", "weekly-vacuum", "monthly-invoices"]
mode = sys.argv[1]
if mode == "crontab":
    path = "etc/cron.d/data-jobs"
    lines = [l.rstrip() for l in open(path, encoding="utf-8").read().splitlines()] if os.path.isfile(path) else []
    entries = [l.split() for l in lines if l.strip() and not l.lstrip().startswith("#") and "=" not in l.split()[0]]
    env = [l for l in lines if l.strip() and not l.lstrip().startswith("#") and "=" in l.split()[0]]
    want_env = ["SHELL=/bin/sh", "PATH=/usr/local/bin:/usr/bin:/bin", 'MAILTO=""', "CRON_TZ=UTC"]
    if env != want_env:
        verdict(False, env, want_env, "the crontab's environment lines changed")
    want = [["*/15", "*", "*", "*", "*"], ["0", "*", "*", "*", "*"], ["30", "2", "*", "*", "*"], ["0", "3", "*", "*", "1-5"],
            ["45", "*/6", "*", "*", "*"], ["10", "4", "*", "*", "0"], ["5", "0", "1", "*", "*"], ["20", "1", "*", "*", "*"]]
    names = JOBS + ["rotate_exports"]
    got = [(e[:5], e[5:]) for e in entries]
    exp = [(s, ["etl", "/opt/batch/jobs/run-job.sh", n]) for s, n in zip(want, names)]
    if got != exp:
        verdict(False, [" ".join(a + b) for a, b in got], [" ".join(a + b) for a, b in exp],
                "only the rotate job's name may change (to rotate_exports); schedules, users and paths stay")
    verdict(True, "rotate_exports", "rotate_exports", "crontab fixed")
elif mode == "exports":
    cur = sorted(f for f in os.listdir("exports") if f.endswith(".csv")) if os.path.isdir("exports") else []
    arc = sorted(os.listdir("exports/archive")) if os.path.isdir("exports/archive") else []
    want_cur = [f"orders-2024-06-{d:02d}.csv" for d in range(21, 27)]
    want_arc = [f"orders-2024-06-{d:02d}.csv" for d in range(1, 21)]
    if cur != want_cur or arc != want_arc:
        verdict(False, {"exports": cur, "archive_count": len(arc)}, {"exports": want_cur, "archive_count": len(want_arc)},
                "the re-run for 2024-06-27 (cutoff 2024-06-20) moves exactly orders-2024-06-20.csv to the archive")
    verdict(True, cur, want_cur, "exports rotated as of 2024-06-27")
elif mode == "rerun":
    path = "logs/jobs/rotate_exports.log"
    text = open(path, encoding="utf-8").read() if os.path.isfile(path) else ""
    m = re.search(r"^\S+ start rotate_exports\n(?:.*\n)*?rotated 1 file\(s\), cutoff 20240620\n\S+ end rotate_exports rc=0 duration=\d+s$", text, re.M)
    old = open("logs/jobs/rotate-exports.log", encoding="utf-8").read() if os.path.isfile("logs/jobs/rotate-exports.log") else ""
    if "end rotate-exports rc=127" not in old:
        verdict(False, "history changed", "kept", "the old job log must be kept")
    verdict(bool(m), text[-300:], "start/rotated 1 file(s), cutoff 20240620/end rc=0", "the job was re-run through run-job.sh with RUN_DATE=2024-06-27")
elif mode == "consistent":
    try:
        rep = json.load(open("reports/cron-2024-06-27.json", encoding="utf-8"))
    except Exception as e:  # noqa: BLE001
        verdict(False, "unreadable", "valid JSON", str(e))
    for job, s in rep.get("jobs", {}).items():
        f = sum(1 for r in rep.get("failed_runs", []) if r.get("job") == job)
        m = sum(1 for r in rep.get("missed_runs", []) if r.get("job") == job)
        if s.get("expected") != s.get("started", 0) + s.get("missed", 0) or s.get("failed") != f or s.get("missed") != m:
            verdict(False, {job: s, "failed_runs": f, "missed_runs": m}, "expected = started + missed, counts match the run lists",
                    f"the report is inconsistent for {job}")
    verdict(True, "consistent", "consistent", "per-job counts agree with the run lists")
verdict(False, mode, "crontab|exports|rerun|consistent", "bad argument")
