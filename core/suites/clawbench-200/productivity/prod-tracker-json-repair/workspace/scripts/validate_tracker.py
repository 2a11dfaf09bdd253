#!/usr/bin/env python3
"""Validate tracker/tasks.json against the rules in tracker/README.md."""
import json
import re
import sys

with open("tracker/tasks.json", encoding="utf-8") as fh:
    doc = json.load(fh)
handles = {m["handle"] for m in json.load(open("team.json", encoding="utf-8"))["members"]}
problems = []
seen = set()
for t in doc["tasks"]:
    tid = t.get("id", "?")
    if not re.fullmatch(r"T-\d+", tid):
        problems.append(f"{tid}: bad id")
    if tid in seen:
        problems.append(f"{tid}: duplicate id")
    seen.add(tid)
    if t.get("status") not in doc["statuses"]:
        problems.append(f"{tid}: status {t.get('status')!r} is not one of {doc['statuses']}")
    if t.get("owner") not in handles:
        problems.append(f"{tid}: unknown owner {t.get('owner')!r}")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(t.get("due", ""))):
        problems.append(f"{tid}: bad due date {t.get('due')!r}")
    if not isinstance(t.get("tags"), list) or any(not isinstance(x, str) or x != x.lower() for x in t["tags"]):
        problems.append(f"{tid}: tags must be a list of lowercase strings")
for p in problems:
    print(p)
print(f"{len(doc['tasks'])} tasks, {len(problems)} problem(s)")
sys.exit(1 if problems else 0)
