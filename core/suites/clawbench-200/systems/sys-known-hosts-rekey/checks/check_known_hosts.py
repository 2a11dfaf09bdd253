"""Checks for sys-known-hosts-rekey: `known_hosts` (exact expected lines in order) and
`fingerprints` (changes/CHG-2231-fingerprints.csv rows)."""
import csv
import json
import sys

EXPECTED_LINES = [
    "# Shared known_hosts for CI runners and deploy jobs - distributed by ansible (role ssh_trust)",
    "# Format: <fqdn>,<ip> <keytype> <key>   (ed25519 + ecdsa only, see docs/ssh-known-hosts.md)",
    "bastion.kessel.dev,198.51.100.5 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMsHOuK72/y5w7Iu3BJTYWux6xIwiHA5+FiQsS/Rb54X",
    "bastion.kessel.dev,198.51.100.5 ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBF0lIQNXVGLIBjdoEg5j+ZFXI2EGsVQjmJloWk6ULcQuuOWLEgva8MyUiZIchiCz/I14T8UU8OmPm0Vifxt5DT0=",
    "[git.kessel.dev]:2222,[198.51.100.9]:2222 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINh9amVrhlYEMItbxUgZ8AGl4wjniEgqyxNFInBfUUBe",
    "web01.kessel.dev,203.0.113.21 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEKm9Qmn3aqZuinQaKlmzA11eqS0jeqladbT1lArolwm",
    "web01.kessel.dev,203.0.113.21 ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBIWq12IRWXpLqR6mxd/jL5sCGrz84EvHs09c3KKe+5uSVBFBUwDLU9K2xW/nCGQtQ8/hUTPIDnMuxgr/FAz0Dmk=",
    "web02.kessel.dev,203.0.113.22 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAICRxcN9fReeW3I8gIJnPE07+jvn4BESogFEo7UMEj907",
    "web02.kessel.dev,203.0.113.22 ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBCF1pYMV8Zgje3ypT15kM0mO6Upd5BoeUlABdObdiTGFx4pRVaRvDmKKu7BOpbkF1NlERnRRJ4BK08dwRw7yFSA=",
    "web04.kessel.dev,203.0.113.44 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMZ9+QH0dmTJKej2gH97SPNh9cN22liDFgfFQADsXAvz",
    "web04.kessel.dev,203.0.113.44 ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBJKrZweavqJAbFiXaGEL0EfovludqMVSZaF42cQ4yr2KMpa6n774l1ZIh3gi22ldKh9PDWYRE+UrM4jbiphH3Ec=",
    "db01.kessel.dev,10.20.0.51 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIH5nGE8xKTCfTo8dVzLHAptszFot6ydp/nYbnBftWN+x",
    "db01.kessel.dev,10.20.0.51 ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBFr9nN0ZItr1AQp152iEy/t7+mUSqp7eKmgI34WJsUtHrmIBYLFpYb3L29k/6MWGoX2sjc1NA01/0V8b9LDopQQ=",
    "db02.kessel.dev,10.20.0.52 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILnhC+9bU3c+zWsjMg71oYYbP40l4UWhzvKgj/DU3wzm",
    "db02.kessel.dev,10.20.0.52 ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBL6qLvLXUNds5fXz0ia6RO+739HCXlQSqM4XaMoBUqrC9XdLzCNc3M6v+ElGj7DlII1ZzJ9WT4okrMdjBZ2r2NE=",
    "ci01.kessel.dev,10.20.0.71 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG8gincq1NiLbcz93bZG01/zXN0uHvtD4CQKKs+cVUnB",
    "ci01.kessel.dev,10.20.0.71 ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBNAIYVFbGMZCOdkMN6S6K+28iAvtBV4hL69yn8RAC3DYwT8HRRIKPpprNflniWpRDG/T6AZ0E8FwMMJviU1sXOQ="
]
EXPECTED_ROWS = [
    [
        "db02.kessel.dev",
        "10.20.0.52",
        "ecdsa-sha2-nistp256",
        "SHA256:Y9HJyKcl3jmaByXbe1aZGx5G5JG8jHdMjQrwDe8wkhg",
        "added"
    ],
    [
        "db02.kessel.dev",
        "10.20.0.52",
        "ssh-ed25519",
        "SHA256:MTkSBuyUCodSrsJ25T3wRIi+LQvV2iAFgfeMW6IROwU",
        "added"
    ],
    [
        "web03.kessel.dev",
        "203.0.113.23",
        "ecdsa-sha2-nistp256",
        "SHA256:FYOrJWn0i75nuViSXh8eIhoBRFjEb8GN5cJYswTGpb8",
        "rejected"
    ],
    [
        "web03.kessel.dev",
        "203.0.113.23",
        "ssh-ed25519",
        "SHA256:8eW1jLca9bvDMD12oFDymQDenEOXDilF320S989GN2A",
        "rejected"
    ],
    [
        "web04.kessel.dev",
        "203.0.113.44",
        "ecdsa-sha2-nistp256",
        "SHA256:KbYmG3y1QKNSu/bl48+AvbDdeJh08KPM/d0nhLBxsWI",
        "added"
    ],
    [
        "web04.kessel.dev",
        "203.0.113.44",
        "ssh-ed25519",
        "SHA256:kPnRQyhRiKMAtK58W41g2hHkoO2P4KchciyVMT3JKSE",
        "added"
    ]
]


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


EXPECTED_LINES = [" ".join(l.split()) for l in EXPECTED_LINES]
what = sys.argv[1]
if what == "known_hosts":
    try:
        lines = [" ".join(l.split()) for l in open("ssh/ssh_known_hosts", encoding="utf-8").read().splitlines() if l.strip()]
    except FileNotFoundError:
        verdict(False, "missing", "ssh/ssh_known_hosts", "ssh/ssh_known_hosts does not exist")
    if lines == EXPECTED_LINES:
        verdict(True, len(lines), len(EXPECTED_LINES), "old keys removed, verified new keys in place, rest unchanged")
    short = lambda ls: [l.split()[0] + " " + l.split()[1] if len(l.split()) > 1 else l for l in ls]
    missing = [l for l in EXPECTED_LINES if l not in lines]
    extra = [l for l in lines if l not in EXPECTED_LINES]
    if not missing and not extra:
        verdict(False, short(lines), short(EXPECTED_LINES), "the right lines, but not in the required order")
    verdict(False, {"unexpected": short(extra)}, {"missing": short(missing)}, "known_hosts lines differ from the expected state")
elif what == "fingerprints":
    try:
        with open("changes/CHG-2231-fingerprints.csv", newline="", encoding="utf-8") as fh:
            rows = [[c.strip() for c in r] for r in csv.reader(fh) if any(c.strip() for c in r)][1:]
    except FileNotFoundError:
        verdict(False, "missing", "changes/CHG-2231-fingerprints.csv", "the fingerprint log does not exist")
    if rows == EXPECTED_ROWS:
        verdict(True, len(rows), len(EXPECTED_ROWS), "fingerprint log is complete and correct")
    if sorted(rows) == sorted(EXPECTED_ROWS):
        verdict(False, [r[:3] for r in rows], [r[:3] for r in EXPECTED_ROWS], "rows are not sorted by host, then key_type")
    verdict(False, [r for r in rows if r not in EXPECTED_ROWS], [r for r in EXPECTED_ROWS if r not in rows], "fingerprint rows differ")
verdict(False, what, "known_hosts|fingerprints", "unknown check")
