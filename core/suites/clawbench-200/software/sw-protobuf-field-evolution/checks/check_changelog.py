"""docs/api-changelog.md has a 1.6 section (dated 2024-07-15) directly above 1.5 with exactly
the three Added and one Removed entries, each naming the right number."""
import json
import re
import sys

WANT = {"Added": {"VehicleStatus.battery_mv": "17", "VehicleStatus.charge_cycles": "18", "VehicleState.VEHICLE_STATE_CHARGING": "7"},
        "Removed": {"VehicleStatus.battery_pct": "7"}}


def verdict(ok, observed, message):
    print(json.dumps({"passed": ok, "observed": observed, "expected": WANT, "message": message}))
    sys.exit(0 if ok else 1)


try:
    text = open("docs/api-changelog.md", encoding="utf-8").read()
except FileNotFoundError:
    verdict(False, "missing", "changelog removed")
heads = list(re.finditer(r"^## .*$", text, re.M))
if len(heads) < 2 or heads[0].group(0).strip() != "## 1.6 - 2024-07-15" or not heads[1].group(0).startswith("## 1.5 "):
    verdict(False, [h.group(0) for h in heads[:2]], "the newest section must be '## 1.6 - 2024-07-15', directly above 1.5")
body = text[heads[0].end():heads[1].start()]
got, current = {}, None
for line in body.splitlines():
    s = line.strip()
    if s.startswith("### "):
        current = s[4:].strip()
        got[current] = {}
    elif s.startswith("- ") and current:
        m = re.match(r"- `([\w.]+)` \((\d+)\)", s)
        if m:
            got[current][m.group(1)] = m.group(2)
        else:
            got[current]["?" + s[:40]] = None
if got != WANT:
    verdict(False, got, "subsections/bullets of the 1.6 section are not as expected")
if list(got) != ["Added", "Removed"]:
    verdict(False, list(got), "Added comes before Removed")
verdict(True, got, "changelog section correct")
