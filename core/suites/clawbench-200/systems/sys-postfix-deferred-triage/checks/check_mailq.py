"""Checks for sys-postfix-deferred-triage: `domains` (CSV rows and order), `requeue` (queue IDs),
`transport` (static routes of steuerberater-nord.de removed, rest unchanged; main.cf untouched)."""
import csv
import hashlib
import json
import sys

EXPECTED_ROWS = [["steuerberater-nord.de", 18, 29, "connect"], ["bauer-gmbh.de", 5, 8, "connect"], ["kanzlei-berger.at", 7, 8, "greylist"], ["mandant-schulz.de", 6, 7, "dns"], ["weber-immobilien.de", 3, 6, "other"], ["posteo.de", 2, 2, "mailbox_full"], ["stadtwerke-example.de", 2, 2, "tls"]]
EXPECTED_REQUEUE = [
    "0148ABFCC24B9",
    "28F419218AC94",
    "2BECF0EBD37D8",
    "37773F54DF",
    "38F60B3FEAFD",
    "3966EF025B8",
    "45AAA54B36C68F",
    "4FC5F5908A2AC",
    "637656B6D3",
    "70CD51C678",
    "9E03A7FA4819",
    "B408ABF2B34",
    "E58E856047",
    "E7E3DC1846C0",
    "E8E206329634A2",
    "F0F70F68FD",
    "F56F9C8E61065B",
    "F89A2111E90"
]
TRANSPORT_KEEP = [
    "# /etc/postfix/transport - static routes (run `postmap /etc/postfix/transport` after editing)",
    "#",
    "# MAIL-288 (2023-05): Steuerberater Nord's MX record pointed at their old ISP and",
    "# mail bounced; route to their hoster directly until they fix DNS.",
    "#",
    "# MAIL-301: payroll partner only accepts mail from us via their submission relay",
    "lohn-partner.de                 smtp:[relay.lohn-partner.de]:587",
    "#",
    "# internal document server",
    "kanzlei-intern.local            smtp:[10.1.0.25]"
]
MAIN_CF_SHA256 = "205ae881ee3c06a1d000f230673137be0662f0b1496a3bed9bfcce874ff969e8"


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


def read(path):
    try:
        with open(path, encoding="utf-8") as fh:
            return fh.read()
    except FileNotFoundError:
        verdict(False, "missing", path, f"{path} does not exist")


what = sys.argv[1]
if what == "domains":
    path = "reports/deferred-by-domain-2025-02-11.csv"
    read(path)
    with open(path, newline="", encoding="utf-8") as fh:
        rows = [[c.strip() for c in r] for r in csv.reader(fh) if any(c.strip() for c in r)][1:]
    want = [[d, str(m), str(r), c] for d, m, r, c in EXPECTED_ROWS]
    if rows == want:
        verdict(True, len(rows), len(want), "per-domain rows correct and sorted")
    if sorted(rows) == sorted(want):
        verdict(False, [r[0] for r in rows], [r[0] for r in want], "rows are right but not sorted by recipients desc, then domain")
    verdict(False, [r for r in rows if r not in want], [r for r in want if r not in rows], "per-domain rows differ")
elif what == "requeue":
    ids = [l.strip() for l in read("reports/requeue-2025-02-11.txt").splitlines() if l.strip()]
    if ids == EXPECTED_REQUEUE:
        verdict(True, len(ids), len(EXPECTED_REQUEUE), "exactly the deferred messages to steuerberater-nord.de, sorted")
    verdict(False, {"extra": sorted(set(ids) - set(EXPECTED_REQUEUE)), "count": len(ids)},
            {"missing": sorted(set(EXPECTED_REQUEUE) - set(ids)), "count": len(EXPECTED_REQUEUE)},
            "the requeue list must hold exactly the deferred (not held) entries with a steuerberater-nord.de recipient, sorted, one per line")
elif what == "transport":
    lines = [l.rstrip() for l in read("etc/postfix/transport").splitlines()]
    routes = [l for l in lines if l.strip() and not l.lstrip().startswith("#")]
    want_routes = [l for l in TRANSPORT_KEEP if l.strip() and not l.lstrip().startswith("#")]
    if [" ".join(l.split()) for l in routes] != [" ".join(l.split()) for l in want_routes]:
        verdict(False, routes, want_routes, "transport must keep exactly the other three routes")
    digest = hashlib.sha256(read("etc/postfix/main.cf").encode("utf-8")).hexdigest()
    if digest != MAIN_CF_SHA256:
        verdict(False, digest, MAIN_CF_SHA256, "main.cf was changed; only the transport map needed editing")
    verdict(True, routes, want_routes, "stale static routes removed, everything else unchanged")
verdict(False, what, "domains|requeue|transport", "unknown check")
