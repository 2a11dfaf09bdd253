"""Checks for sys-backup-rpo-compliance: `script` (the fixed scripts/rpo_report.py prints the expected
report) and `report` (reports/backup-compliance-2025-04.csv)."""
import csv
import io
import json
import subprocess
import sys

EXPECTED = [
    [
        "host",
        "tier",
        "rpo_hours",
        "snapshots",
        "max_gap_h",
        "rpo_breaches",
        "last_check_ok",
        "status"
    ],
    [
        "crm",
        "silver",
        "30",
        "28",
        "72.0",
        "1",
        "2025-04-27",
        "rpo_breach"
    ],
    [
        "dc01",
        "gold",
        "12",
        "120",
        "6.0",
        "0",
        "2025-04-27",
        "ok"
    ],
    [
        "devbox",
        "bronze",
        "72",
        "13",
        "144.1",
        "1",
        "2025-04-27",
        "excepted"
    ],
    [
        "erp-db",
        "gold",
        "12",
        "119",
        "12.0",
        "0",
        "2025-04-13",
        "check_overdue"
    ],
    [
        "fileserver",
        "gold",
        "12",
        "118",
        "18.0",
        "1",
        "2025-04-27",
        "rpo_breach"
    ],
    [
        "mail",
        "silver",
        "30",
        "29",
        "47.9",
        "1",
        "2025-04-27",
        "rpo_breach"
    ],
    [
        "print",
        "bronze",
        "72",
        "12",
        "80.1",
        "4",
        "2025-04-27",
        "rpo_breach"
    ],
    [
        "web",
        "silver",
        "30",
        "25",
        "142.8",
        "1",
        "2025-04-27",
        "rpo_breach"
    ],
    [
        "wiki",
        "bronze",
        "72",
        "14",
        "95.8",
        "1",
        "2025-04-13",
        "rpo_breach"
    ]
]


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


def compare(text, what):
    rows = [[c.strip() for c in r] for r in csv.reader(io.StringIO(text)) if any(c.strip() for c in r)]
    if not rows or rows[0] != EXPECTED[0]:
        verdict(False, rows[:1], EXPECTED[:1], f"{what}: wrong header")
    body, want = rows[1:], EXPECTED[1:]
    if [r[0] for r in body] != [r[0] for r in want]:
        verdict(False, [r[0] for r in body], [r[0] for r in want], f"{what}: one row per policy host, sorted by host")
    for got, w in zip(body, want):
        ok = len(got) == len(w)
        for i, (g, e) in enumerate(zip(got, w)):
            if i == 4:
                try:
                    ok = ok and abs(float(g) - float(e)) < 0.051
                except ValueError:
                    ok = False
            else:
                ok = ok and g == e
        if not ok:
            verdict(False, got, w, f"{what}: the row for {w[0]} is wrong")


what = sys.argv[1]
if what == "script":
    try:
        proc = subprocess.run([sys.executable, "scripts/rpo_report.py", "2025-04"], capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        verdict(False, "timeout", "exit 0", "scripts/rpo_report.py hangs")
    if proc.returncode != 0:
        verdict(False, (proc.stderr.strip().splitlines() or [""])[-1], "exit 0", "scripts/rpo_report.py still fails")
    compare(proc.stdout, "scripts/rpo_report.py output")
    verdict(True, "matches", "matches", "the fixed script produces the policy's report")
elif what == "report":
    try:
        text = open("reports/backup-compliance-2025-04.csv", encoding="utf-8").read()
    except FileNotFoundError:
        verdict(False, "missing", "reports/backup-compliance-2025-04.csv", "the report does not exist")
    compare(text, "report")
    verdict(True, len(EXPECTED) - 1, len(EXPECTED) - 1, "report correct")
verdict(False, what, "script|report", "unknown check")
