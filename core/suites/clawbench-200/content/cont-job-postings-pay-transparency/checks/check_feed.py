"""ads/out/postings.json: the feed lists the live postings in the script's order with the
right ranges, benefits flags and deadlines."""
import json
import os
import sys

sys.path.insert(0, os.environ.get("CLAWBENCH_CHECKS", "."))
from _common import CHECKS, load_feed, verdict  # noqa: E402

want = json.load(open(os.path.join(CHECKS, "expected_feed.json")))
got = load_feed()
if not isinstance(got, dict) or got.get("company") != want["company"] or not isinstance(got.get("postings"), list):
    verdict(False, {k: got.get(k) for k in ("company",)} if isinstance(got, dict) else got,
            {"company": want["company"], "postings": "[...]"}, "feed keeps its format")
keys = [(p.get("req_id"), p.get("location")) for p in got["postings"] if isinstance(p, dict)]
want_keys = [(p["req_id"], p["location"]) for p in want["postings"]]
if keys != want_keys:
    verdict(False, keys, want_keys, "the feed must list the approved reqs' postings, by req id then location order")
problems = []
for g, w in zip(got["postings"], want["postings"]):
    if set(g) != set(w):
        problems.append({w["file"]: {"fields": sorted(g)}})
        continue
    for k, v in w.items():
        if k in ("pay_min", "pay_max"):
            ok = isinstance(g[k], (int, float)) and not isinstance(g[k], bool) and abs(g[k] - v) < 0.005
        else:
            ok = g[k] == v
        if not ok:
            problems.append({w["file"]: {k: g[k], "expected": v}})
if problems:
    verdict(False, problems[:6], "feed per compliance rules", f"{len(problems)} feed value(s) wrong")
verdict(True, f"{len(keys)} postings", f"{len(want_keys)} postings", "feed is right")
