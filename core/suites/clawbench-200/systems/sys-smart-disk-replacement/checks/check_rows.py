"""reports/disk-actions-2024-09.csv lists exactly the expected disks, actions and reasons, in order."""
import csv
import json
import sys

PATH = "reports/disk-actions-2024-09.csv"
EXPECTED = [
    ["nas01", "sdb", "2", "WD-CA1K8M0Q", "replace", "reallocated", "yes"],
    ["nas01", "sdc", "3", "WD-CA1K8P4Z", "watch", "reallocated", "yes"],
    ["nas01", "sdd", "4", "ZA1FQ0B7", "watch", "power_on_hours", "no"],
    ["nas01", "sdf", "6", "WD-CA1K9A3D", "cable", "crc_growth;temperature", "yes"],
    ["nas02", "sda", "1", "ZCT0R7MN", "replace", "reallocated;pending;offline_uncorrectable", "yes"],
    ["nas02", "sdb", "2", "WD-CA0H2F6E", "replace", "health;reallocated", "no"],
    ["nas02", "sdc", "3", "WD-CA3M0X8R", "watch", "temperature", "unknown"],
    ["nas02", "sdf", "6", "WD-CA0H2G7K", "watch", "power_on_hours", "no"],
]


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


try:
    with open(PATH, newline="") as fh:
        rows = list(csv.reader(fh))
except FileNotFoundError:
    verdict(False, "missing", PATH, f"{PATH} does not exist")
body = [[c.strip() for c in r] for r in rows[1:] if any(c.strip() for c in r)]
if sorted(map(tuple, body)) != sorted(map(tuple, EXPECTED)):
    missing = [r for r in EXPECTED if r not in body]
    extra = [r for r in body if r not in EXPECTED]
    verdict(False, {"extra": extra}, {"missing": missing}, "the rows differ from the expected disk actions")
if body != EXPECTED:
    verdict(False, [r[:2] for r in body], [r[:2] for r in EXPECTED], "rows are not sorted by host, then device")
verdict(True, len(body), len(EXPECTED), "all eight disk actions are right and in order")
