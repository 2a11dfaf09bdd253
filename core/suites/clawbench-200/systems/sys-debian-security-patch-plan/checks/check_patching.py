"""Checks for sys-debian-security-patch-plan: `advisories` (the JSON parses again with its content
unchanged) and `plan` (patching/plan-2025-02.csv rows and order)."""
import csv
import json
import sys

EXPECTED_ADVISORIES = {'collected': '2025-02-10',
 'source': 'https://www.debian.org/security/2025/',
 'advisories': [{'id': 'DSA-5849-1',
                 'source_package': 'openssl',
                 'cves': ['CVE-2024-13176', 'CVE-2024-9143'],
                 'binaries': ['libssl3', 'libssl1.1', 'openssl'],
                 'fixed': {'bookworm': '3.0.15-1~deb12u1', 'bullseye': '1.1.1w-0+deb11u2'},
                 'reboot': False},
                {'id': 'DSA-5850-1',
                 'source_package': 'glibc',
                 'cves': ['CVE-2025-0395'],
                 'binaries': ['libc6', 'libc-bin', 'locales'],
                 'fixed': {'bookworm': '2.36-9+deb12u10', 'bullseye': '2.31-13+deb11u12'},
                 'reboot': True},
                {'id': 'DSA-5851-1',
                 'source_package': 'bind9',
                 'cves': ['CVE-2024-11187', 'CVE-2024-12705'],
                 'binaries': ['bind9-libs', 'bind9-host', 'bind9-dnsutils', 'dnsutils'],
                 'fixed': {'bookworm': '1:9.18.33-1~deb12u2', 'bullseye': '1:9.16.50-1~deb11u3'},
                 'reboot': False},
                {'id': 'DSA-5852-1',
                 'source_package': 'linux',
                 'cves': ['CVE-2024-53103', 'CVE-2024-53141', 'CVE-2024-56631'],
                 'binaries': ['linux-image-amd64'],
                 'fixed': {'bookworm': '6.1.128-1'},
                 'reboot': True},
                {'id': 'DSA-5853-1',
                 'source_package': 'postgresql-15',
                 'cves': ['CVE-2025-1094'],
                 'binaries': ['postgresql-15', 'postgresql-client-15', 'libpq5'],
                 'fixed': {'bookworm': '15.10-0+deb12u1'},
                 'reboot': False},
                {'id': 'DSA-5854-1',
                 'source_package': 'curl',
                 'cves': ['CVE-2024-11053', 'CVE-2025-0167'],
                 'binaries': ['curl', 'libcurl4'],
                 'fixed': {'bookworm': '7.88.1-10+deb12u8', 'bullseye': '7.74.0-1.3+deb11u14'},
                 'reboot': False}]}
EXPECTED_ROWS = [['build01', 'canary', 'curl', '7.88.1-10+deb12u6', '7.88.1-10+deb12u8', 'DSA-5854-1', 'no'],
 ['build01', 'canary', 'libcurl4', '7.88.1-10+deb12u6', '7.88.1-10+deb12u8', 'DSA-5854-1', 'no'],
 ['web01', 'wave1', 'bind9-host', '1:9.18.28-1~deb12u2', '1:9.18.33-1~deb12u2', 'DSA-5851-1', 'no'],
 ['web01', 'wave1', 'bind9-libs', '1:9.18.28-1~deb12u2', '1:9.18.33-1~deb12u2', 'DSA-5851-1', 'no'],
 ['web01', 'wave1', 'libc-bin', '2.36-9+deb12u9', '2.36-9+deb12u10', 'DSA-5850-1', 'yes'],
 ['web01', 'wave1', 'libc6', '2.36-9+deb12u9', '2.36-9+deb12u10', 'DSA-5850-1', 'yes'],
 ['web01', 'wave1', 'libcurl4', '7.88.1-10+deb12u7', '7.88.1-10+deb12u8', 'DSA-5854-1', 'no'],
 ['web01', 'wave1', 'linux-image-amd64', '6.1.119-1', '6.1.128-1', 'DSA-5852-1', 'yes'],
 ['web01', 'wave1', 'locales', '2.36-9+deb12u9', '2.36-9+deb12u10', 'DSA-5850-1', 'yes'],
 ['web01', 'wave1', 'openssl', '3.0.14-1~deb12u2', '3.0.15-1~deb12u1', 'DSA-5849-1', 'no'],
 ['db01', 'wave2', 'libc-bin', '2.36-9+deb12u9', '2.36-9+deb12u10', 'DSA-5850-1', 'yes'],
 ['db01', 'wave2', 'libc6', '2.36-9+deb12u9', '2.36-9+deb12u10', 'DSA-5850-1', 'yes'],
 ['db01', 'wave2', 'linux-image-amd64', '6.1.123-1', '6.1.128-1', 'DSA-5852-1', 'yes'],
 ['db01', 'wave2', 'postgresql-15', '15.8-0+deb12u1', '15.10-0+deb12u1', 'DSA-5853-1', 'no'],
 ['db01', 'wave2', 'postgresql-client-15', '15.8-0+deb12u1', '15.10-0+deb12u1', 'DSA-5853-1', 'no'],
 ['legacy01', 'wave2', 'bind9-host', '1:9.16.50-1~deb11u2', '1:9.16.50-1~deb11u3', 'DSA-5851-1', 'no'],
 ['legacy01', 'wave2', 'bind9-libs', '1:9.16.50-1~deb11u2', '1:9.16.50-1~deb11u3', 'DSA-5851-1', 'no'],
 ['legacy01', 'wave2', 'libc-bin', '2.31-13+deb11u11', '2.31-13+deb11u12', 'DSA-5850-1', 'yes'],
 ['legacy01', 'wave2', 'libc6', '2.31-13+deb11u11', '2.31-13+deb11u12', 'DSA-5850-1', 'yes'],
 ['legacy01', 'wave2', 'libssl1.1', '1.1.1w-0+deb11u1', '1.1.1w-0+deb11u2', 'DSA-5849-1', 'no'],
 ['legacy01', 'wave2', 'locales', '2.31-13+deb11u11', '2.31-13+deb11u12', 'DSA-5850-1', 'yes'],
 ['legacy01', 'wave2', 'openssl', '1.1.1w-0+deb11u1', '1.1.1w-0+deb11u2', 'DSA-5849-1', 'no'],
 ['web02', 'wave2', 'curl', '7.88.1-10+deb12u5', '7.88.1-10+deb12u8', 'DSA-5854-1', 'no'],
 ['web02', 'wave2', 'libcurl4', '7.88.1-10+deb12u5', '7.88.1-10+deb12u8', 'DSA-5854-1', 'no'],
 ['web02', 'wave2', 'libssl3', '3.0.13-1~deb12u1', '3.0.15-1~deb12u1', 'DSA-5849-1', 'no'],
 ['web02', 'wave2', 'openssl', '3.0.13-1~deb12u1', '3.0.15-1~deb12u1', 'DSA-5849-1', 'no']]


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


what = sys.argv[1]
if what == "advisories":
    try:
        doc = json.load(open("advisories/dsa-2025-02.json", encoding="utf-8"))
    except FileNotFoundError:
        verdict(False, "missing", "advisories/dsa-2025-02.json", "the advisory file was deleted")
    except ValueError as e:
        verdict(False, "invalid JSON", "valid JSON", f"the advisory file still does not parse: {e}")
    if doc != EXPECTED_ADVISORIES:
        verdict(False, "content differs", "only the syntax error fixed", "the advisories' content was changed while fixing the syntax")
    verdict(True, "valid", "valid", "advisory file repaired without changing its content")
elif what == "plan":
    path = "patching/plan-2025-02.csv"
    try:
        with open(path, newline="", encoding="utf-8") as fh:
            rows = [[c.strip() for c in r] for r in csv.reader(fh) if any(c.strip() for c in r)]
    except FileNotFoundError:
        verdict(False, "missing", path, "the plan does not exist")
    header = ["host", "wave", "package", "installed", "fixed", "advisory", "reboot"]
    if not rows or rows[0] != header:
        verdict(False, rows[:1], header, "wrong columns")
    body = rows[1:]
    if body == EXPECTED_ROWS:
        verdict(True, len(body), len(EXPECTED_ROWS), "plan complete and correctly ordered")
    key = lambda r: tuple(r[:3])
    got, want = {key(r) for r in body}, {key(r) for r in EXPECTED_ROWS}
    if got != want:
        verdict(False, {"unexpected": sorted(got - want)}, {"missing": sorted(want - got)}, "the set of vulnerable packages is wrong")
    if sorted(body) == sorted(EXPECTED_ROWS):
        verdict(False, [r[:3] for r in body], [r[:3] for r in EXPECTED_ROWS], "rows are not sorted by wave order, host, package")
    verdict(False, [r for r in body if r not in EXPECTED_ROWS], [r for r in EXPECTED_ROWS if r not in body], "some rows have wrong fields")
verdict(False, what, "advisories|plan", "unknown check")
