"""Checks for sys-disk-capacity-forecast.
`script`: the fixed tools/forecast.py prints the right forecast for the real export and for a
second, hidden export (staged next to this check). `report`: the committed report is right.
`requests`: the expansion request file."""
import csv
import io
import json
import os
import subprocess
import sys

import yaml

EXPECTED_MAIN = [
    [
        "mail01",
        "/var/vmail",
        "2048",
        "1905.8",
        "93.1",
        "2.10",
        "0",
        "2025-05-19"
    ],
    [
        "build01",
        "/var/lib/docker",
        "1024",
        "640.3",
        "62.5",
        "14.92",
        "19",
        "2025-06-07"
    ],
    [
        "db01",
        "/var/lib/postgresql",
        "2048",
        "1675.8",
        "81.8",
        "4.03",
        "42",
        "2025-06-30"
    ],
    [
        "backup01",
        "/backup",
        "16384",
        "12574.8",
        "76.8",
        "35.09",
        "62",
        "2025-07-20"
    ],
    [
        "db02",
        "/var/lib/postgresql",
        "2048",
        "1558.8",
        "76.1",
        "3.21",
        "89",
        "2025-08-16"
    ],
    [
        "files01",
        "/srv/share",
        "8192",
        "5262.2",
        "64.2",
        "10.32",
        "205",
        "2025-12-10"
    ],
    [
        "web01",
        "/var/www",
        "512",
        "120.4",
        "23.5",
        "0.05",
        "6742",
        "2043-11-03"
    ],
    [
        "logs01",
        "/var/log/remote",
        "1024",
        "656.2",
        "64.1",
        "-1.03",
        "",
        ""
    ]
]
EXPECTED_ALT = [
    [
        "app03",
        "/opt/app/data",
        "256",
        "231.7",
        "90.5",
        "0.02",
        "0",
        "2025-02-10"
    ],
    [
        "ci02",
        "/var/lib/containers",
        "512",
        "163.6",
        "32.0",
        "10.70",
        "28",
        "2025-03-10"
    ],
    [
        "nas01",
        "/export/home",
        "6144",
        "4375.7",
        "71.2",
        "20.23",
        "58",
        "2025-04-09"
    ],
    [
        "log02",
        "/var/log",
        "1024",
        "433.4",
        "42.3",
        "-1.59",
        "",
        ""
    ]
]
HEADER = ["host", "mount", "size_gb", "used_gb", "used_pct", "slope_gb_per_day", "days_to_90", "date_90"]


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}, default=str))
    sys.exit(0 if passed else 1)


def compare(text, expected, what):
    rows = [r for r in csv.reader(io.StringIO(text)) if any(c.strip() for c in r)]
    if not rows or [c.strip() for c in rows[0]] != HEADER:
        verdict(False, rows[:1], HEADER, f"{what}: wrong or missing header")
    body = [[c.strip() for c in r] for r in rows[1:]]
    if [r[:2] for r in body] != [r[:2] for r in expected]:
        verdict(False, [r[:2] for r in body], [r[:2] for r in expected], f"{what}: wrong volumes or order")
    for got, want in zip(body, expected):
        ok = len(got) == 8 and got[2] == want[2] and got[6] == want[6] and got[7] == want[7]
        try:
            ok = ok and abs(float(got[3]) - float(want[3])) < 1e-9
            ok = ok and abs(float(got[4]) - float(want[4])) < 0.051 and abs(float(got[5]) - float(want[5])) < 0.0051
        except ValueError:
            ok = False
        if not ok:
            verdict(False, got, want, f"{what}: the row for {want[0]}:{want[1]} is wrong")


what = sys.argv[1]
if what == "script":
    alt = os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__))), "alt-usage.csv")
    for path, expected, label in (("metrics/fs-usage-daily.csv", EXPECTED_MAIN, "real export"), (alt, EXPECTED_ALT, "second export")):
        try:
            proc = subprocess.run([sys.executable, "tools/forecast.py", path], capture_output=True, text=True, timeout=60)
        except subprocess.TimeoutExpired:
            verdict(False, "timeout", "exit 0", f"tools/forecast.py hangs on the {label}")
        if proc.returncode != 0:
            verdict(False, proc.stderr.strip().splitlines()[-1:] or proc.returncode, "exit 0", f"tools/forecast.py fails on the {label}")
        compare(proc.stdout, expected, f"tools/forecast.py on the {label}")
    verdict(True, "both exports", "both exports", "the fixed script implements the policy")
elif what == "report":
    path = "reports/capacity-forecast-2025-05-19.csv"
    if not os.path.exists(path):
        verdict(False, "missing", path, "the forecast report does not exist")
    compare(open(path, encoding="utf-8").read(), EXPECTED_MAIN, path)
    verdict(True, len(EXPECTED_MAIN), len(EXPECTED_MAIN), "forecast report correct")
elif what == "requests":
    path = "capacity/expansion-requests-2025-Q2.yaml"
    try:
        doc = yaml.safe_load(open(path, encoding="utf-8"))
    except FileNotFoundError:
        verdict(False, "missing", path, "the request file does not exist")
    except yaml.YAMLError as e:
        verdict(False, "invalid YAML", "valid YAML", str(e))
    want = [
        {"host": "mail01", "mount": "/var/vmail", "current_size_gb": 2048, "requested_size_gb": 3072, "full_by": "2025-05-19"},
        {"host": "build01", "mount": "/var/lib/docker", "current_size_gb": 1024, "requested_size_gb": 4608, "full_by": "2025-06-07"},
        {"host": "db01", "mount": "/var/lib/postgresql", "current_size_gb": 2048, "requested_size_gb": 3328, "full_by": "2025-06-30"},
    ]
    if not isinstance(doc, dict) or set(doc) != {"forecast_date", "requests"}:
        verdict(False, sorted(doc) if isinstance(doc, dict) else type(doc).__name__, ["forecast_date", "requests"], "the file must have exactly forecast_date and requests")
    if str(doc["forecast_date"]) != "2025-05-19":
        verdict(False, str(doc["forecast_date"]), "2025-05-19", "wrong forecast_date")
    got = [{k: (str(v) if k == "full_by" else v) for k, v in r.items()} for r in (doc["requests"] or [])] if isinstance(doc["requests"], list) else doc["requests"]
    if got != want:
        verdict(False, got, want, "the requests are not the expected volumes, sizes and order")
    verdict(True, len(got), len(want), "three expansion requests, right sizes, sorted by full_by")
verdict(False, what, "script|report|requests", "unknown check")
