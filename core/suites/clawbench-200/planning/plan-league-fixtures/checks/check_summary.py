"""league/team-summary.csv agrees with the fixtures: one row per team (A-Z) with home/away
counts and first/last match dates."""
import csv, os, sys
sys.path.insert(0, os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)))
from _league import TEAMS, fixtures, verdict  # noqa: E402

rows = fixtures()
want = [["team", "home", "away", "first_match", "last_match"]]
for t in sorted(TEAMS):
    ms = [r for r in rows if t in (r["home"], r["away"])]
    if not ms:
        verdict(False, t, "matches", f"{t} has no fixtures")
    want.append([t, str(sum(r["home"] == t for r in ms)), str(sum(r["away"] == t for r in ms)),
                 min(r["date"] for r in ms), max(r["date"] for r in ms)])
try:
    got = [[c.strip() for c in r] for r in csv.reader(open("league/team-summary.csv", newline="", encoding="utf-8")) if r]
except FileNotFoundError:
    verdict(False, "missing", "league/team-summary.csv", "summary does not exist")
if got != want:
    diff = [(g, w) for g, w in zip(got, want) if g != w] or [(len(got), len(want))]
    verdict(False, [d[0] for d in diff][:3], [d[1] for d in diff][:3], "summary disagrees with the fixtures")
verdict(True, f"{len(got) - 1} teams", "7 teams", "summary matches the fixtures")
