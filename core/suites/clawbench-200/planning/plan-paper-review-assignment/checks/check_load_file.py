"""Cross-file: assignments/reviewer-load.csv lists every non-declined reviewer (A-Z) with
the number of papers actually assigned to them and their max_load."""
import csv, os, sys
sys.path.insert(0, os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)))
from _data import assignments, load, verdict  # noqa: E402

revs, canon, papers, declared = load()
rows = assignments()
want = [["reviewer", "assigned", "max_load"]] + [[r["name"], str(sum(1 for _, n in rows if n == r["name"])), str(r["max_load"])]
                                              for r in sorted(revs, key=lambda r: r["name"]) if r.get("status") != "declined"]
try:
    got = [[c.strip() for c in r] for r in csv.reader(open("assignments/reviewer-load.csv", newline="", encoding="utf-8")) if r]
except FileNotFoundError:
    verdict(False, "missing", "assignments/reviewer-load.csv", "load file does not exist")
if got != want:
    diff = [(g, w) for g, w in zip(got, want) if g != w] or [(len(got), len(want))]
    verdict(False, [d[0] for d in diff][:3], [d[1] for d in diff][:3], "reviewer-load.csv disagrees with the assignments")
verdict(True, f"{len(got) - 1} reviewers", f"{len(want) - 1} reviewers", "loads agree with the assignments")
