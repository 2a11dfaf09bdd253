"""oncall/q3-load.json agrees with the published CSV: for every active engineer, the number of
weeks as primary and as secondary; exactly the active engineers are listed."""
import csv
import json
import sys

ACTIVE = ["amara", "bjorn", "dana", "elif", "farid", "gwen", "hiro"]


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


try:
    doc = json.load(open("oncall/q3-load.json", encoding="utf-8"))
    with open("oncall/schedule-2024-Q3.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
except FileNotFoundError as e:
    verdict(False, "missing", "present", f"{e.filename} does not exist")
except json.JSONDecodeError as e:
    verdict(False, "invalid JSON", "valid JSON", str(e))
load = doc.get("load") if isinstance(doc, dict) else None
if not isinstance(load, dict) or sorted(load) != ACTIVE:
    verdict(False, sorted(load) if isinstance(load, dict) else load, ACTIVE, "load must list exactly the active engineers")
from_csv = {h: {"primary": sum(1 for r in rows if (r.get("primary") or "").strip() == h),
                "secondary": sum(1 for r in rows if (r.get("secondary") or "").strip() == h)} for h in ACTIVE}
if load != from_csv:
    diff = {h: load[h] for h in ACTIVE if load[h] != from_csv[h]}
    verdict(False, diff, {h: from_csv[h] for h in diff}, "q3-load.json disagrees with schedule-2024-Q3.csv")
verdict(True, "consistent", "consistent", "load counts match the schedule")
