"""Every active paper has exactly 3 distinct reviewers, no other paper has any, reviewers
are PC members who have not declined, rows sorted by paper then reviewer."""
import os, sys
sys.path.insert(0, os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)))
from _data import assignments, load, verdict  # noqa: E402

revs, canon, papers, declared = load()
rows = assignments()
ok_revs = {r["name"] for r in revs if r.get("status") != "declined"}
active = {p["id"] for p in papers if p["status"] == "active"}
by_paper = {}
for pid, name in rows:
    by_paper.setdefault(pid, []).append(name)
if set(by_paper) != active:
    verdict(False, sorted(set(by_paper) ^ active), sorted(active), "assignments must cover exactly the active papers")
bad = {p: n for p, n in by_paper.items() if len(n) != 3 or len(set(n)) != 3}
if bad:
    verdict(False, bad, "3 distinct reviewers each", "papers without exactly three distinct reviewers")
unknown = sorted({n for _, n in rows} - ok_revs)
if unknown:
    verdict(False, unknown, "active PC members", "unknown or declined reviewers assigned")
if rows != sorted(rows):
    verdict(False, "unsorted", "sorted by paper_id, reviewer", "rows not sorted")
verdict(True, f"{len(active)} papers x 3", f"{len(active)} papers x 3", "coverage ok")
