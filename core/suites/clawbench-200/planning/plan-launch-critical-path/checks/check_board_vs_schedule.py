"""Every board milestone date in plan/milestones.yaml equals that milestone's finish in plan/schedule.csv."""
import csv
import json
import sys

import yaml


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


try:
    ms = (yaml.safe_load(open("plan/milestones.yaml", encoding="utf-8")) or {}).get("milestones") or {}
    sched = {r["id"]: r["finish"] for r in csv.DictReader(open("plan/schedule.csv", newline="", encoding="utf-8"))}
except (OSError, yaml.YAMLError, KeyError) as e:
    verdict(False, str(e)[:200], "both files readable", "milestones.yaml or schedule.csv missing/invalid")
board = {k: str((v or {}).get("date")) for k, v in ms.items()}
plan = {k: sched.get(k) for k in board}
if board != plan or not board:
    verdict(False, board, plan, "board dates disagree with the schedule")
verdict(True, board, plan, "board dates match the schedule")
