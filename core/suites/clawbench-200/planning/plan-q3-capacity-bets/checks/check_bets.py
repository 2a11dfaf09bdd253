"""roadmap/q3-bets.yaml: statuses/reasons per the walk; every other field unchanged."""
import json
import os
import sys

import yaml

here = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__))
want = json.load(open(os.path.join(here, "expected_status.json")))
ORIG = {
    "B1": ("Carrier rate engine v2", {"core": 18, "platform": 6, "data": 4}, None),
    "B2": ("Driver app offline mode", {"mobile": 20, "platform": 4}, None),
    "B3": ("Customs documents automation", {"core": 14, "data": 8}, None),
    "B4": ("Realtime ETA predictions", {"data": 22, "platform": 8, "mobile": 4}, None),
    "B5": ("Enterprise SSO (SAML)", {"core": 8, "platform": 6}, None),
    "B6": ("Warehouse slotting optimiser", {"data": 12, "core": 6}, None),
    "B7": ("Multi-tenant data export", {"data": 6, "platform": 3}, None),
    "B8": ("Proof-of-delivery photos", {"mobile": 8, "core": 4}, None),
    "B9": ("Slotting optimiser UI", {"mobile": 3}, ["B6"]),
    "B10": ("Billing usage metering", {"core": 5}, None),
    "B11": ("Status page revamp", {"platform": 2}, None),
}


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


try:
    doc = yaml.safe_load(open("roadmap/q3-bets.yaml", encoding="utf-8"))
except (OSError, yaml.YAMLError) as e:
    verdict(False, str(e)[:200], "valid YAML", "bets file missing or invalid")
if doc.get("quarter") != "2024-Q3" or set(doc) != {"quarter", "bets"}:
    verdict(False, sorted(doc), ["bets", "quarter"], "top-level keys changed")
bets = doc.get("bets") or []
if [b.get("id") for b in bets] != list(ORIG):
    verdict(False, [b.get("id") for b in bets], list(ORIG), "bets added, removed or reordered")
for rank, b in enumerate(bets, 1):
    title, est, deps = ORIG[b["id"]]
    if b.get("title") != title or b.get("rank") != rank or b.get("estimate") != est or b.get("depends_on") != deps:
        verdict(False, b, {"title": title, "rank": rank, "estimate": est, "depends_on": deps}, f"{b['id']}: fields other than status changed")
    st, reason = want[b["id"]]
    got = (b.get("status"), b.get("defer_reason", ""))
    if got != (st, reason):
        verdict(False, {b["id"]: got}, {b["id"]: (st, reason)}, f"{b['id']}: wrong status/defer_reason")
    extra = set(b) - {"id", "title", "rank", "estimate", "depends_on", "status", "defer_reason"}
    if extra:
        verdict(False, sorted(extra), [], f"{b['id']}: unexpected keys")
verdict(True, want, want, "statuses match the walk")
