"""reports/cleanup-candidates-2025-01.csv holds exactly the expected candidates, costs and order."""
import csv
import json
import sys

PATH = "reports/cleanup-candidates-2025-01.csv"
EXPECTED = [
    [
        "i-e042e83927a089930",
        "instance",
        "video-transcode-test",
        "media",
        "expired",
        "499.38"
    ],
    [
        "i-156372154db07c13c",
        "instance",
        "analytics-nb",
        "data",
        "untagged",
        "120.48"
    ],
    [
        "vol-08e4b3a98bc0095d9",
        "volume",
        "old-video-archive",
        "media",
        "unattached",
        "95.20"
    ],
    [
        "i-bd2e11e98215d13f5",
        "instance",
        "jenkins-old",
        "platform",
        "stopped-30d",
        "63.07"
    ],
    [
        "vol-ca264e35ec71150f5",
        "volume",
        "jenkins-old-artifacts-snapshot-restore",
        "",
        "unattached",
        "59.50"
    ],
    [
        "i-92cb599b0d5dd5490",
        "instance",
        "wiki",
        "",
        "untagged",
        "40.99"
    ],
    [
        "i-ee913596a931ac433",
        "instance",
        "",
        "",
        "untagged",
        "36.94"
    ],
    [
        "i-a057edfa5b75f9f25",
        "instance",
        "demo-customer-acme",
        "sales",
        "stopped-30d",
        "3.81"
    ],
    [
        "i-2018edcfe93ecd321",
        "instance",
        "hackathon-team3",
        "eng",
        "expired",
        "2.86"
    ],
    [
        "vol-51c3e53667a6c9a87",
        "volume",
        "",
        "",
        "unattached",
        "0.95"
    ]
]


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


try:
    with open(PATH, newline="", encoding="utf-8") as fh:
        rows = [[c.strip() for c in r] for r in csv.reader(fh) if any(c.strip() for c in r)][1:]
except FileNotFoundError:
    verdict(False, "missing", PATH, f"{PATH} does not exist")


def key(r):
    try:
        return r[:5] + ["%.2f" % float(r[5])]
    except (ValueError, IndexError):
        return r


got = [key(r) for r in rows]
if got == EXPECTED:
    verdict(True, len(got), len(EXPECTED), "all candidates correct and sorted")
ids = {r[0] for r in got}
want_ids = {r[0] for r in EXPECTED}
if ids != want_ids:
    verdict(False, {"unexpected": sorted(ids - want_ids)}, {"missing": sorted(want_ids - ids)}, "the set of candidates is wrong")
if sorted(got) == sorted(EXPECTED):
    verdict(False, [r[0] for r in got], [r[0] for r in EXPECTED], "rows are not sorted by monthly_usd desc, then resource_id")
verdict(False, [r for r in got if r not in EXPECTED], [r for r in EXPECTED if r not in got], "some candidate rows have wrong fields")
