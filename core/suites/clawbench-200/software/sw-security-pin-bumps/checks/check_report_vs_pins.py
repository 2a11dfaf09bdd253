"""Every row of security/remediation.csv agrees with the pin now in the file it names."""
import csv
import json
import re
import sys


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


def canon(name):
    return re.sub(r"[-_.]+", "-", name).lower()


pins = {}
for path in ("requirements.txt", "requirements-dev.txt", "constraints.txt"):
    try:
        for line in open(path, encoding="utf-8"):
            m = re.match(r"^\s*([A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?\s*==\s*(\S+)", line)
            if m:
                pins[(path, canon(m.group(1)))] = m.group(2)
    except FileNotFoundError:
        verdict(False, "missing", path, f"{path} was removed")
try:
    rows = list(csv.DictReader(open("security/remediation.csv", newline="", encoding="utf-8")))
except FileNotFoundError:
    verdict(False, "missing", "present", "security/remediation.csv does not exist")
if not rows:
    verdict(False, "empty", "rows", "remediation.csv has no rows")
bad = []
for r in rows:
    r = {k: (v or "").strip() for k, v in r.items() if k}
    pin = pins.get((r.get("file"), canon(r.get("package", ""))))
    if pin != r.get("new_version"):
        bad.append({"package": r.get("package"), "file": r.get("file"), "csv": r.get("new_version"), "pinned": pin})
if bad:
    verdict(False, bad[:4], "new_version equals the pin in file", "remediation.csv disagrees with the requirement files")
verdict(True, f"{len(rows)} rows", "consistent", "report matches the pins")
