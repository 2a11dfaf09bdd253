"""rota/2024-w42.csv: same columns and shifts, staff of every shift as after the approved requests."""
import csv
import json
import os
import sys

PATH = "rota/2024-w42.csv"


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


want = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected_swaps.json")))["rota"]
if not os.path.isfile(PATH):
    verdict(False, "missing", PATH, "the rota is gone")
with open(PATH, newline="", encoding="utf-8") as fh:
    reader = csv.DictReader(fh)
    if reader.fieldnames != ["date", "shift_id", "shift", "start", "end", "staff"]:
        verdict(False, reader.fieldnames, ["date", "shift_id", "shift", "start", "end", "staff"], "rota columns changed")
    rows = list(reader)
got = {}
for r in rows:
    got.setdefault(r["shift_id"].strip(), []).append(r["staff"].strip())
got = {k: sorted(v) for k, v in got.items()}
if got != want:
    diff = {k: got.get(k) for k in set(got) | set(want) if got.get(k) != want.get(k)}
    verdict(False, diff, {k: want.get(k) for k in diff}, "shift staffing differs from applying the approved requests in received order")
verdict(True, f"{len(rows)} rows", f"{sum(len(v) for v in want.values())} rows", "rota updated correctly")
