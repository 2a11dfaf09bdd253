"""reports/transgressions_2024Q2.json lists exactly the detected results above the MAV."""
import json
import os
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


exp = json.load(open(os.path.join(CHECKS, "expected.json")))["transgressions"]
try:
    doc = json.load(open("reports/transgressions_2024Q2.json", encoding="utf-8"))
except (OSError, json.JSONDecodeError) as e:
    verdict(False, "unreadable", "reports/transgressions_2024Q2.json", str(e))
items = doc.get("transgressions") if isinstance(doc, dict) else None
if not isinstance(items, list):
    verdict(False, type(items).__name__, "list", "transgressions must be a list")
if doc.get("quarter") != "2024Q2" or doc.get("count") != len(items):
    verdict(False, {"quarter": doc.get("quarter"), "count": doc.get("count"), "listed": len(items)},
            {"quarter": "2024Q2", "count": "number listed"}, "quarter / count wrong")
got_ids = [(i.get("sample_id"), i.get("parameter")) for i in items if isinstance(i, dict)]
want_ids = [(e["sample_id"], e["parameter"]) for e in exp]
if got_ids != want_ids:
    verdict(False, got_ids, want_ids, "exactly the transgressions, sorted by sampled_at")
for g, e in zip(items, exp):
    for k in ("supply", "sample_point", "sampled_at"):
        if g.get(k) != e[k]:
            verdict(False, {e["sample_id"]: {k: g.get(k)}}, {e["sample_id"]: {k: e[k]}}, f"{e['sample_id']}: {k} differs")
    for k in ("result_mg_l", "mav_mg_l"):
        v = g.get(k)
        if not isinstance(v, (int, float)) or abs(v - e[k]) > max(0.00011, 0.0002 * abs(e[k])):
            verdict(False, {e["sample_id"]: {k: v}}, {e["sample_id"]: {k: e[k]}}, f"{e['sample_id']}: {k} differs")
verdict(True, got_ids, want_ids, "transgressions listed correctly")
