"""No assigned reviewer is in conflict with the paper (author, declared, or same institution
after alias unification), recomputed from the workspace files."""
import os, sys
sys.path.insert(0, os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)))
from _data import assignments, conflict, load, verdict  # noqa: E402

revs, canon, papers, declared = load()
R = {r["name"]: r for r in revs}
P = {p["id"]: p for p in papers}
bad = []
for pid, name in assignments():
    if pid in P and name in R:
        why = conflict(R[name], P[pid], canon, declared)
        if why:
            bad.append(f"{pid}/{name}: {why}")
if bad:
    verdict(False, bad, "no conflicts", "conflicted reviewers assigned")
verdict(True, "no conflicts", "no conflicts", "all assignments conflict-free")
