"""Cross-file: every entry of ads/out/postings.json agrees with its posting file (pay line,
benefits description, deadline), and every posting file in ads/out is in the feed."""
import os
import re
import sys

sys.path.insert(0, os.environ.get("CLAWBENCH_CHECKS", "."))
from _common import load_feed, verdict  # noqa: E402

feed = load_feed()
entries = feed.get("postings", []) if isinstance(feed, dict) else []
if not entries:
    verdict(False, "no postings", "postings", "the feed is empty")
benefits = open("compliance/benefits.md", encoding="utf-8").read().strip()
PAY = re.compile(r"^Pay range: \$([0-9,]+(?:\.[0-9]{2})?) - \$([0-9,]+(?:\.[0-9]{2})?) per (year|hour)\s*$", re.M)
problems = {}
for e in entries:
    f = os.path.join("ads/out", str(e.get("file")))
    if not os.path.isfile(f):
        problems[str(e.get("file"))] = "file missing"
        continue
    text = open(f, encoding="utf-8").read()
    m = PAY.findall(text)
    if len(m) != 1:
        problems[e["file"]] = "no single pay line"
        continue
    lo, hi, per = m[0]
    issues = []
    try:
        if abs(float(lo.replace(",", "")) - float(e.get("pay_min"))) > 0.005 or \
                abs(float(hi.replace(",", "")) - float(e.get("pay_max"))) > 0.005:
            issues.append({"file": [lo, hi], "feed": [e.get("pay_min"), e.get("pay_max")]})
    except (TypeError, ValueError):
        issues.append("feed pay is not numeric")
    if {"year": "annual", "hour": "hourly"}[per] != e.get("pay_basis"):
        issues.append({"basis": [per, e.get("pay_basis")]})
    if (benefits in text) != bool(e.get("benefits_disclosed")):
        issues.append({"benefits in file": benefits in text, "feed": e.get("benefits_disclosed")})
    dl = re.findall(r"^Applications accepted until: (\S+)\s*$", text, re.M)
    if (dl[0] if dl else None) != e.get("apply_by"):
        issues.append({"deadline in file": dl, "feed": e.get("apply_by")})
    if issues:
        problems[e["file"]] = issues
listed = {str(e.get("file")) for e in entries}
unlisted = sorted(n for n in os.listdir("ads/out") if n.endswith(".md") and n not in listed)
if unlisted:
    problems["not in feed"] = unlisted
if problems:
    verdict(False, problems, "feed = files", "the feed and the posting files disagree")
verdict(True, f"{len(entries)} consistent", "consistent", "feed and files agree")
