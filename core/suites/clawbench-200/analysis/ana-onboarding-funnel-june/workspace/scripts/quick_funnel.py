#!/usr/bin/env python3
"""Quick funnel counts - Kai's prototype from the May hack day.

Counts, for each funnel step, the users who ever logged the event in ONE events file.
No time window, no ordering, no exclusions, naive timestamps. Good enough for eyeballing,
NOT the published method (see config/funnel.yaml).

usage: python3 scripts/quick_funnel.py events/<file>.jsonl
"""
import json
import sys
from collections import defaultdict

STEPS = ["signup", "email_verified", "project_created", "repo_connected", "first_deploy_succeeded"]

seen = defaultdict(set)
with open(sys.argv[1]) as fh:
    for line in fh:
        ev = json.loads(line)
        if ev["ts"][:7] != "2024-06" and ev["event"] == "signup":
            continue
        seen[ev["event"]].add(ev["user_id"])

base = len(seen["signup"])
for i, step in enumerate(STEPS, 1):
    n = len(seen[step] & seen["signup"])
    print(f"{i},{step},{n},{n / base * 100:.1f}")
