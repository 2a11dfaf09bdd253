"""reports/gpg_2024_hourly.csv: the full-pay relevant employees ranked by hourly pay with their quartile."""
import csv
import json
import os
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


exp = json.load(open(os.path.join(CHECKS, "expected.json")))["rows"]
try:
    with open("reports/gpg_2024_hourly.csv", newline="", encoding="utf-8") as fh:
        got = list(csv.DictReader(fh))
except FileNotFoundError:
    verdict(False, "missing", "reports/gpg_2024_hourly.csv", "the hourly-pay file was not written")
ids = [(r.get("emp_id") or "").strip() for r in got]
want = [e[0] for e in exp]
if sorted(ids) != sorted(want):
    verdict(False, {"rows": len(ids), "extra": sorted(set(ids) - set(want)), "missing": sorted(set(want) - set(ids))},
            {"rows": len(want)}, "exactly the full-pay relevant employees (M/F)")
if ids != want:
    verdict(False, ids[:8], want[:8], "rows must be ranked by hourly pay, lowest first (ties by emp_id)")
for g, (eid, gender, hp, q) in zip(got, exp):
    try:
        ok = abs(float(g["hourly_pay"]) - float(hp)) <= 0.011 and int(float(g["quartile"])) == q and g["gender"].strip() == gender
    except (KeyError, TypeError, ValueError, AttributeError):
        ok = False
    if not ok:
        verdict(False, {eid: [g.get("gender"), g.get("hourly_pay"), g.get("quartile")]}, {eid: [gender, hp, q]}, f"{eid}: hourly pay or quartile differs")
verdict(True, f"{len(got)} employees", f"{len(exp)} employees", "hourly pay and quartiles right")
