"""teams.yaml records Roath's on-time blackout change only; season.yaml is published with
last_matchday = the last fixture date; every other key of both files is unchanged."""
import datetime as dt, os, sys
import yaml
sys.path.insert(0, os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)))
from _league import TEAMS, fixtures, verdict  # noqa: E402


def s(v):
    return [s(x) for x in v] if isinstance(v, list) else (v.isoformat() if isinstance(v, dt.date) else v)


try:
    teams = yaml.safe_load(open("league/teams.yaml", encoding="utf-8"))["teams"]
    season = yaml.safe_load(open("league/season.yaml", encoding="utf-8"))
except Exception as e:  # noqa: BLE001
    verdict(False, str(e), "valid YAML", "teams.yaml or season.yaml missing or invalid")
got = {t.get("name"): (t.get("ground"), str(t.get("kickoff")), s(t.get("blackout") or [])) for t in teams}
want = {n: (g, k, b) for n, (g, k, b) in TEAMS.items()}
if got != want:
    diff = {n: got.get(n) for n in set(got) | set(want) if got.get(n) != want.get(n)}
    verdict(False, diff, {n: want.get(n) for n in diff}, "teams.yaml should change only Roath Rovers' blackout (late requests wait)")
rows = fixtures()
last = max(r["date"] for r in rows) if rows else None
want_season = {"season": "2025-26", "division": "U12 Division 2", "phase": "autumn", "first_matchday": "2025-09-06",
               "last_matchday_allowed": "2025-11-15", "matchday": "Saturday", "skip": ["2025-10-25", "2025-11-01"],
               "requests_deadline": "2025-08-20", "published": True, "last_matchday": last}
got_season = {k: s(v) for k, v in season.items()}
if got_season != want_season:
    diff = sorted(k for k in set(got_season) | set(want_season) if got_season.get(k) != want_season.get(k))
    verdict(False, {k: got_season.get(k) for k in diff}, {k: want_season.get(k) for k in diff}, "season.yaml not published correctly")
verdict(True, "configs ok", "configs ok", "teams and season files updated as required")
