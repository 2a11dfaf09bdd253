"""Checks for sys-sudoers-leaver-review: `sudoers` (sudoers.d rule/alias lines), `main` (etc/sudoers
unchanged), `group` (etc/group), `review` (reports/access-review-2025-Q1.csv rows)."""
import csv
import hashlib
import json
import os
import re
import sys

EXPECTED_FILES = {
    "10-admins": [
        "# Platform admins - full root. Reviewed quarterly (SEC-17).",
        "User_Alias ADMINS = tnguyen, lfischer",
        "ADMINS ALL=(ALL:ALL) ALL",
        "",
        "# break-glass for the on-call phone (SEC-23)",
        "tnguyen ALL=(root) NOPASSWD: /usr/sbin/reboot, /usr/bin/systemctl restart *"
    ],
    "20-deploy": [
        "# Deployments from CI and Ansible, plus the release managers (REL-9)",
        "Cmnd_Alias DEPLOY_CMDS = /usr/bin/systemctl restart app-*, /usr/bin/systemctl reload nginx, /usr/local/bin/deploy.sh",
        "User_Alias DEPLOYERS = ci-runner, svc-ansible, jmeyer, abauer",
        "",
        "Defaults:DEPLOYERS !requiretty",
        "DEPLOYERS ALL=(root) NOPASSWD: DEPLOY_CMDS"
    ],
    "30-dba": [
        "# Database administrators (postgres on db01/db02)",
        "Cmnd_Alias PG_CMDS = /usr/bin/systemctl * postgresql*, /usr/bin/pg_ctlcluster *, /usr/bin/journalctl -u postgresql*",
        "User_Alias DBAS = rhoffmann",
        "",
        "DBAS ALL=(postgres) NOPASSWD: ALL",
        "DBAS ALL=(root) PG_CMDS"
    ]
}
EXPECTED_GROUP = [
    "root:x:0:",
    "daemon:x:1:",
    "adm:x:4:syslog,tnguyen",
    "sudo:x:27:tnguyen",
    "users:x:100:",
    "systemd-journal:x:999:tnguyen,rhoffmann",
    "docker:x:998:ci-runner,jmeyer,lfischer",
    "admins:x:1001:tnguyen,lfischer",
    "dba:x:1002:rhoffmann,abauer",
    "deploy:x:1003:ci-runner,svc-ansible,jmeyer,abauer",
    "developers:x:1010:jmeyer,abauer,lfischer",
    "contractors:x:1020:",
    "postgres:x:120:"
]
EXPECTED_ROWS = [
    [
        "fgraf",
        "2025-01-31",
        "no-access",
        "0",
        ""
    ],
    [
        "jmeyer",
        "2025-04-15",
        "pending",
        "0",
        ""
    ],
    [
        "kwagner",
        "2025-02-28",
        "removed",
        "1",
        "admins;sudo"
    ],
    [
        "mkowalski_ext",
        "2025-03-14",
        "removed",
        "1",
        "contractors;developers"
    ],
    [
        "opetrov",
        "2025-03-31",
        "removed",
        "2",
        "admins;dba;sudo"
    ],
    [
        "pdubois_ext",
        "2025-03-21",
        "removed",
        "1",
        "contractors;developers"
    ]
]
MAIN_SHA256 = "4ee7ddbbf3cb519432d795e5fbfea788993c7776db97a1ed2ad354c2dbc41fd4"
LEAVERS = ["kwagner", "opetrov", "mkowalski_ext", "pdubois_ext"]


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


def norm(line):
    line = re.sub(r"\s*,\s*", ", ", line.strip())
    line = re.sub(r"\s*=\s*", " = ", line) if line.startswith(("User_Alias", "Cmnd_Alias")) else line
    return " ".join(line.split())


def rules(lines):
    return [norm(l) for l in lines if l.strip() and not l.lstrip().startswith("#")]


what = sys.argv[1]
if what == "sudoers":
    present = sorted(os.listdir("etc/sudoers.d")) if os.path.isdir("etc/sudoers.d") else []
    if present != sorted(EXPECTED_FILES):
        verdict(False, present, sorted(EXPECTED_FILES), "sudoers.d must hold exactly 10-admins, 20-deploy and 30-dba")
    for name, want in EXPECTED_FILES.items():
        got = rules(open(os.path.join("etc/sudoers.d", name), encoding="utf-8").read().splitlines())
        if got != rules(want):
            verdict(False, {name: got}, {name: rules(want)}, f"sudoers.d/{name} does not have exactly the expected rules and aliases")
    verdict(True, present, sorted(EXPECTED_FILES), "leavers removed from sudo, syntax fixed, nothing else changed")
elif what == "main":
    try:
        digest = hashlib.sha256(open("etc/sudoers", "rb").read()).hexdigest()
    except FileNotFoundError:
        verdict(False, "missing", "etc/sudoers", "etc/sudoers was deleted")
    verdict(digest == MAIN_SHA256, digest, MAIN_SHA256, "etc/sudoers must stay unchanged")
elif what == "group":
    try:
        lines = [l.strip() for l in open("etc/group", encoding="utf-8").read().splitlines() if l.strip()]
    except FileNotFoundError:
        verdict(False, "missing", "etc/group", "etc/group was deleted")
    if lines != EXPECTED_GROUP:
        verdict(False, [l for l in lines if l not in EXPECTED_GROUP], [l for l in EXPECTED_GROUP if l not in lines], "etc/group is not in the expected state")
    verdict(True, len(lines), len(EXPECTED_GROUP), "leavers removed from every group, everything else unchanged")
elif what == "review":
    path = "reports/access-review-2025-Q1.csv"
    try:
        with open(path, newline="", encoding="utf-8") as fh:
            rows = [[c.strip() for c in r] for r in csv.reader(fh) if any(c.strip() for c in r)][1:]
    except FileNotFoundError:
        verdict(False, "missing", path, "the review record does not exist")
    if rows == EXPECTED_ROWS:
        verdict(True, len(rows), len(EXPECTED_ROWS), "review record complete and correct")
    if sorted(rows) == sorted(EXPECTED_ROWS):
        verdict(False, [r[0] for r in rows], [r[0] for r in EXPECTED_ROWS], "rows are not sorted by username")
    verdict(False, [r for r in rows if r not in EXPECTED_ROWS], [r for r in EXPECTED_ROWS if r not in rows], "review rows differ")
verdict(False, what, "sudoers|main|group|review", "unknown check")
