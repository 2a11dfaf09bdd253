"""reports/hr-dashboard.json gains exactly one 2024-Q2 entry (last) and keeps the rest."""
import json
import sys

PATH = "reports/hr-dashboard.json"
OLD = [
    {"quarter": "2023-Q3", "headcount_start": 168, "headcount_end": 171, "leavers_voluntary": 7, "leavers_involuntary": 4, "attrition_pct": 6.5},
    {"quarter": "2023-Q4", "headcount_start": 171, "headcount_end": 170, "leavers_voluntary": 6, "leavers_involuntary": 3, "attrition_pct": 5.3},
    {"quarter": "2024-Q1", "headcount_start": 170, "headcount_end": 173, "leavers_voluntary": 5, "leavers_involuntary": 2, "attrition_pct": 4.1},
]
NEW = {"quarter": "2024-Q2", "headcount_start": 173, "headcount_end": 176, "leavers_voluntary": 10, "leavers_involuntary": 6, "attrition_pct": 9.2}
TOP = {"company": "Brasswell Logistics B.V.", "metric_owner": "People Analytics", "method": "docs/attrition-method.md"}


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


try:
    doc = json.load(open(PATH, encoding="utf-8"))
except (OSError, ValueError) as e:
    verdict(False, str(e), "valid JSON", f"{PATH} missing or invalid")
for k, v in TOP.items():
    if doc.get(k) != v:
        verdict(False, {k: doc.get(k)}, {k: v}, f"top-level {k} changed")
if set(doc) != set(TOP) | {"quarters"}:
    verdict(False, sorted(doc), sorted(set(TOP) | {"quarters"}), "top-level keys changed")
q = doc.get("quarters")
if not isinstance(q, list) or len(q) != 4:
    verdict(False, len(q) if isinstance(q, list) else q, 4, "quarters must hold the 3 old entries plus 2024-Q2")
if q[:3] != OLD:
    verdict(False, q[:3], OLD, "earlier quarters were changed")
if q[3] != NEW:
    verdict(False, q[3], NEW, "the 2024-Q2 entry is wrong (same keys as the other quarters, numbers from the report)")
verdict(True, q[3], NEW, "2024-Q2 appended, history kept")
