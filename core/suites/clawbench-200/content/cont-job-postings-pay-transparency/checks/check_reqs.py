"""hiring/reqs.yaml: the Platform EM req points at its renamed draft; nothing else changed."""
import os
import sys

import yaml

sys.path.insert(0, os.environ.get("CLAWBENCH_CHECKS", "."))
from _common import verdict  # noqa: E402

ORIG = {
    "REQ-2025-001": ("senior-backend-engineer.md", "approved", ["Denver, CO", "Remote (US)"]),
    "REQ-2025-002": ("senior-product-designer.md", "approved", ["New York, NY", "Chicago, IL"]),
    "REQ-2025-003": ("customer-support-specialist.md", "approved", ["Austin, TX", "Seattle, WA"]),
    "REQ-2025-004": ("data-analyst.md", "on_hold", ["Boston, MA"]),
    "REQ-2025-005": ("engineering-manager-platform.md", "approved", ["San Francisco, CA", "Remote (US)"]),
}
try:
    doc = yaml.safe_load(open("hiring/reqs.yaml", encoding="utf-8"))
    reqs = {r["id"]: r for r in doc["reqs"]}
except Exception as e:  # noqa: BLE001
    verdict(False, "unreadable", "valid YAML with reqs", str(e))
if sorted(reqs) != sorted(ORIG):
    verdict(False, sorted(reqs), sorted(ORIG), "requisitions were added or removed")
problems = {}
for rid, (draft, status, locs) in ORIG.items():
    r = reqs[rid]
    got = (r.get("draft"), r.get("status"), r.get("locations"))
    if got != (draft, status, locs) or str(r.get("post_date")) != "2025-01-13":
        problems[rid] = {"draft": got[0], "status": got[1], "locations": got[2], "post_date": str(r.get("post_date"))}
if problems:
    verdict(False, problems, {k: {"draft": v[0], "status": v[1]} for k, v in ORIG.items() if k in problems},
            "only REQ-2025-005's draft should change (to the renamed Platform draft)")
missing = sorted(n for n in set(v[0] for v in ORIG.values()) | {"engineering-manager-mobile-2023.md"}
                 if not os.path.isfile(os.path.join("ads/drafts", n)))
if missing:
    verdict(False, missing, "drafts kept", "drafts must not be renamed or deleted")
verdict(True, "REQ-2025-005 -> engineering-manager-platform.md", "same", "reqs file fixed, rest kept")
