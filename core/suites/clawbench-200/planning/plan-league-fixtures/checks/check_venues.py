"""Each match at the home team's ground and kickoff, one match per ground per day, and
every team at home exactly 3 times."""
import os, sys
sys.path.insert(0, os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)))
from _league import TEAMS, fixtures, verdict  # noqa: E402

rows = fixtures()
used = set()
for r in rows:
    if r["home"] not in TEAMS:
        verdict(False, r["home"], list(TEAMS), "unknown home team")
    ground, ko, _ = TEAMS[r["home"]]
    if (r["venue"], r["kickoff"]) != (ground, ko):
        verdict(False, [r["venue"], r["kickoff"]], [ground, ko], f"{r['home']} v {r['away']} is not at the home ground / kickoff")
    if (ground, r["date"]) in used:
        verdict(False, f"{ground} on {r['date']}", "one match per ground per day", "a ground hosts two matches on one day")
    used.add((ground, r["date"]))
homes = {t: sum(1 for r in rows if r["home"] == t) for t in TEAMS}
if any(v != 3 for v in homes.values()):
    verdict(False, homes, {t: 3 for t in TEAMS}, "every team must be at home exactly 3 times")
verdict(True, homes, "3 each", "venues, kickoffs and home counts right")
