"""Every live posting file: title, location, posting date, the full draft text, the exact
pay line, the benefits description and the application deadline exactly where the
compliance rules need them, the apply link, and no unfilled placeholders."""
import json
import os
import re
import sys

import yaml

sys.path.insert(0, os.environ.get("CLAWBENCH_CHECKS", "."))
from _common import CHECKS, verdict  # noqa: E402

DRAFTS = {
    "REQ-2025-001": "senior-backend-engineer.md",
    "REQ-2025-002": "senior-product-designer.md",
    "REQ-2025-003": "customer-support-specialist.md",
    "REQ-2025-005": "engineering-manager-platform.md",
}
EMPLOYMENT = {
    "REQ-2025-001": "Full-time, salaried (exempt)",
    "REQ-2025-002": "Full-time, salaried (exempt)",
    "REQ-2025-003": "Full-time, hourly (non-exempt)",
    "REQ-2025-005": "Full-time, salaried (exempt)",
}
feed = json.load(open(os.path.join(CHECKS, "expected_feed.json")))["postings"]
benefits = open("compliance/benefits.md", encoding="utf-8").read().strip()


def pay_line(p):
    if p["pay_basis"] == "hourly":
        return f"Pay range: ${p['pay_min']:,.2f} - ${p['pay_max']:,.2f} per hour"
    return f"Pay range: ${p['pay_min']:,} - ${p['pay_max']:,} per year"


problems = {}
for p in feed:
    path = os.path.join("ads/out", p["file"])
    try:
        text = open(path, encoding="utf-8").read()
    except FileNotFoundError:
        problems[p["file"]] = "missing"
        continue
    issues = []
    lines = [ln.rstrip() for ln in text.splitlines()]
    if not lines or lines[0] != f"# {p['title']}":
        issues.append(f"first line should be '# {p['title']}'")
    if f"**Location:** {p['location']}" not in text:
        issues.append("location line")
    if f"**Employment type:** {EMPLOYMENT[p['req_id']]}" not in text:
        issues.append("employment type line")
    if "**Posted:** 2025-01-13" not in text:
        issues.append("posted date")
    draft = open(os.path.join("ads/drafts", DRAFTS[p["req_id"]]), encoding="utf-8").read().strip()
    if draft not in text:
        issues.append(f"does not contain the full text of ads/drafts/{DRAFTS[p['req_id']]}")
    pays = [ln for ln in lines if ln.startswith("Pay range:")]
    if pays != [pay_line(p)]:
        issues.append({"pay lines": pays, "expected": pay_line(p)})
    n_ben = text.count(benefits)
    if n_ben != (1 if p["benefits_disclosed"] else 0):
        issues.append(f"benefits description appears {n_ben}x, expected {1 if p['benefits_disclosed'] else 0}x")
    dls = [ln for ln in lines if ln.startswith("Applications accepted until")]
    want_dl = [f"Applications accepted until: {p['apply_by']}"] if p["apply_by"] else []
    if dls != want_dl:
        issues.append({"deadline lines": dls, "expected": want_dl})
    if p["apply_url"] not in text:
        issues.append("apply link")
    left = re.findall(r"\{[a-z_]+\}", text)
    if left:
        issues.append({"unfilled placeholders": left})
    if issues:
        problems[p["file"]] = issues
if problems:
    verdict(False, problems, "postings per compliance/pay-transparency.md", f"{len(problems)} posting(s) wrong")
verdict(True, f"{len(feed)} postings correct", f"{len(feed)} postings", "every posting is compliant")
