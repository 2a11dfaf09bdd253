"""Every pair of the seven teams meets exactly once, on valid Saturdays (in the window, not
skipped), nobody twice on a matchday, rows sorted by date, kickoff, home."""
import datetime as dt, itertools, os, sys
sys.path.insert(0, os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)))
from _league import FIRST, LAST, SKIP, TEAMS, fixtures, verdict  # noqa: E402

rows = fixtures()
pairs = [frozenset((r["home"], r["away"])) for r in rows]
want = {frozenset(p) for p in itertools.combinations(TEAMS, 2)}
unknown = [r for r in rows if r["home"] not in TEAMS or r["away"] not in TEAMS or r["home"] == r["away"]]
if unknown:
    verdict(False, unknown[:2], list(TEAMS), "unknown team names or a team playing itself")
if len(pairs) != len(set(pairs)) or set(pairs) != want:
    dup = [sorted(p) for p in set(pairs) if pairs.count(p) > 1]
    miss = [sorted(p) for p in want - set(pairs)]
    verdict(False, {"duplicates": dup[:3]}, {"missing": miss[:3]}, "not a single round robin")
seen = set()
for r in rows:
    try:
        d = dt.date.fromisoformat(r["date"])
    except ValueError:
        verdict(False, r["date"], "YYYY-MM-DD", "bad date")
    if d.weekday() != 5 or d < FIRST or d > LAST or r["date"] in SKIP:
        verdict(False, r["date"], "a Saturday 6 Sep - 15 Nov, not 25 Oct / 1 Nov", "match on an invalid date")
    for t in (r["home"], r["away"]):
        if (t, d) in seen:
            verdict(False, f"{t} on {d}", "one match a day", "a team plays twice on one matchday")
        seen.add((t, d))
keys = [(r["date"], r["kickoff"], r["home"]) for r in rows]
if keys != sorted(keys):
    verdict(False, "unsorted", "sorted by date, kickoff, home", "rows are not in date, kickoff, home order")
verdict(True, f"{len(rows)} fixtures", "21 fixtures", "single round robin on valid matchdays")
