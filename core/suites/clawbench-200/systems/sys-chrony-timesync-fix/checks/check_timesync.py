"""Checks for sys-chrony-timesync-fix: `conf` (chrony.conf servers replaced, typo gone, other lines
unchanged) and `report` (reports/time-sync-2024-12-03.csv rows)."""
import csv
import json
import sys

EXPECTED_SERVERS = [
    "server ntp-a.rz.uni-example.de iburst nts",
    "server ntp-b.rz.uni-example.de iburst nts",
]
OTHER_LINES = [
    "# chrony.conf for the AG Weber compute cluster (head01, node01-node08)",
    "# Deployed by clustershell from head01:/srv/cluster/etc/chrony/chrony.conf",
    "",
    "pool 2.debian.pool.ntp.org iburst maxsources 2",
    "",
    "# Use time sources from DHCP.",
    "sourcedir /run/chrony-dhcp",
    "",
    "keyfile /etc/chrony/chrony.keys",
    "driftfile /var/lib/chrony/chrony.drift",
    "ntsdumpdir /var/lib/chrony",
    "logdir /var/log/chrony",
    "maxupdateskew 100.0",
    "rtcsync",
    "makestep 1 3",
    "leapsectz right/UTC"
]
EXPECTED_ROWS = [
    [
        "head01",
        "ntp-a.rz.uni-example.de",
        "2",
        "0.004",
        "ok"
    ],
    [
        "node01",
        "time.cloudflare.com",
        "4",
        "0.812",
        "ok"
    ],
    [
        "node02",
        "ntp1.physik.uni-example.de",
        "3",
        "-162.478",
        "drift"
    ],
    [
        "node03",
        "",
        "0",
        "1740.335",
        "unsynced"
    ],
    [
        "node04",
        "",
        "",
        "",
        "down"
    ],
    [
        "node05",
        "ntp1.physik.uni-example.de",
        "3",
        "50.000",
        "ok"
    ],
    [
        "node06",
        "ntp2.physik.uni-example.de",
        "3",
        "-50.413",
        "drift"
    ],
    [
        "node07",
        "",
        "",
        "",
        "down"
    ],
    [
        "node08",
        "time.cloudflare.com",
        "4",
        "-0.731",
        "ok"
    ]
]


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


def norm(line):
    return " ".join(line.split())


what = sys.argv[1]
if what == "conf":
    try:
        lines = open("etc/chrony/chrony.conf", encoding="utf-8").read().splitlines()
    except FileNotFoundError:
        verdict(False, "missing", "etc/chrony/chrony.conf", "chrony.conf does not exist")
    servers = [norm(l) for l in lines if l.split()[:1] in (["server"], ["sever"])]
    other = [l.rstrip() for l in lines if l.split()[:1] not in (["server"], ["sever"])]
    if sorted(servers) != EXPECTED_SERVERS:
        verdict(False, servers, EXPECTED_SERVERS, "the server lines must be exactly the two RZ servers with iburst nts")
    if [l for l in other if l.strip()] != [l for l in OTHER_LINES if l.strip()]:
        verdict(False, [l for l in other if l not in OTHER_LINES], [l for l in OTHER_LINES if l not in other], "lines other than the server lines were changed")
    verdict(True, servers, EXPECTED_SERVERS, "servers replaced, everything else unchanged")
elif what == "report":
    try:
        with open("reports/time-sync-2024-12-03.csv", newline="", encoding="utf-8") as fh:
            rows = [r for r in csv.reader(fh)][1:]
    except FileNotFoundError:
        verdict(False, "missing", "reports/time-sync-2024-12-03.csv", "the report does not exist")
    rows = [[c.strip() for c in r] for r in rows if any(c.strip() for c in r)]
    if [r[0] for r in rows if r] != [r[0] for r in EXPECTED_ROWS]:
        verdict(False, [r[0] for r in rows if r], [r[0] for r in EXPECTED_ROWS], "one row per host, sorted by host name")
    for got, want in zip(rows, EXPECTED_ROWS):
        if len(got) != 5:
            verdict(False, got, want, f"row for {want[0]} does not have 5 fields")
        same = got[1] == want[1] and got[4] == want[4]
        for i in (2, 3):
            if want[i] == "" or got[i] == "":
                same = same and got[i] == want[i]
            else:
                try:
                    same = same and abs(float(got[i]) - float(want[i])) < 0.0005
                except ValueError:
                    same = False
        if not same:
            verdict(False, got, want, f"the row for {want[0]} is wrong")
    verdict(True, len(rows), len(EXPECTED_ROWS), "all nine hosts classified correctly")
verdict(False, what, "conf|report", "unknown check")
