"""At least 2 of each paper's reviewers share a topic with it, and nobody exceeds max_load."""
import os, sys
sys.path.insert(0, os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)))
from _data import assignments, load, verdict  # noqa: E402

revs, canon, papers, declared = load()
R = {r["name"]: r for r in revs}
P = {p["id"]: p for p in papers}
rows = assignments()
match = {}
load_ = {}
for pid, name in rows:
    if pid not in P or name not in R:
        continue
    topics = set(P[pid]["topics"].split(";"))
    match.setdefault(pid, 0)
    match[pid] += bool(topics & set(R[name]["topics"]))
    load_[name] = load_.get(name, 0) + 1
weak = {p: m for p, m in match.items() if m < 2}
if weak:
    verdict(False, weak, ">= 2 topic matches per paper", "papers with fewer than two topical reviewers")
over = {n: l for n, l in load_.items() if l > R[n]["max_load"]}
if over:
    verdict(False, over, {n: R[n]["max_load"] for n in over}, "reviewers above max_load")
verdict(True, "ok", "ok", "expertise and load rules met")
