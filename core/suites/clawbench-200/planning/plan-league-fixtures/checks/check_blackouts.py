"""No team plays on a blackout date - with Roath Rovers' on-time change (11 Oct -> 18 Oct)
applied and Splott's late request not applied."""
import os, sys
sys.path.insert(0, os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)))
from _league import TEAMS, fixtures, verdict  # noqa: E402

bad = [f"{t} on {r['date']}" for r in fixtures() for t in (r["home"], r["away"]) if t in TEAMS and r["date"] in TEAMS[t][2]]
if bad:
    verdict(False, bad, "no blackout clashes", "fixtures on blackout dates")
verdict(True, "no clashes", "no clashes", "blackouts respected")
