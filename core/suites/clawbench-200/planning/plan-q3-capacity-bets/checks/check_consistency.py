"""The capacity table's committed_weeks per team equal the estimates of the bets the bets file
marks committed, and remaining = capacity - committed."""
import csv
import json
import sys

import yaml


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


try:
    rows = list(csv.DictReader(open("plan/q3-capacity.csv", newline="", encoding="utf-8")))
    bets = yaml.safe_load(open("roadmap/q3-bets.yaml", encoding="utf-8"))["bets"]
except Exception as e:  # noqa: BLE001 - any unreadable file fails the check
    verdict(False, str(e)[:200], "readable files", "capacity table or bets file unreadable")
used = {}
for b in bets:
    if b.get("status") == "committed":
        for t, v in (b.get("estimate") or {}).items():
            used[t] = used.get(t, 0) + v
for r in rows:
    t = r["team"].strip()
    try:
        cap, com, rem = float(r["capacity_weeks"]), float(r["committed_weeks"]), float(r["remaining_weeks"])
    except (ValueError, KeyError):
        verdict(False, r, "numbers", f"{t}: non-numeric weeks")
    if abs(com - used.get(t, 0)) > 0.001:
        verdict(False, {t: com}, {t: used.get(t, 0)}, f"{t}: committed_weeks disagree with the committed bets")
    if abs(cap - com - rem) > 0.001 or rem < -0.001:
        verdict(False, {t: [cap, com, rem]}, "remaining = capacity - committed >= 0", f"{t}: remaining_weeks inconsistent")
verdict(True, used, used, "table and bets file agree")
