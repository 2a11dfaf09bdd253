"""replies/<id>.md: one reply per request, to the requester, whose Decision line agrees with
rota/swap-log.csv and with the rules."""
import csv
import json
import os
import re
import sys


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


exp = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected_swaps.json")))
try:
    logged = {r["request_id"].strip(): r for r in csv.DictReader(open("rota/swap-log.csv", newline="", encoding="utf-8"))}
except FileNotFoundError:
    logged = {}
for rid, received, requester, typ, decision, reason in exp["log"]:
    path = f"replies/{rid}.md"
    if not os.path.isfile(path):
        verdict(False, "missing", path, f"no reply drafted for {rid}")
    text = open(path, encoding="utf-8").read()
    head = [ln.strip() for ln in text.strip().splitlines()[:4]]
    want_line = "Decision: approved" if decision == "approved" else f"Decision: rejected ({reason})"
    want_head = [f"To: {exp['emails'][requester]}", f"Subject: Re: Shift swap request {rid}", "", want_line]
    if head != want_head:
        verdict(False, head, want_head, f"{path}: header/decision lines differ")
    row = logged.get(rid)
    if row is not None:
        logged_line = "Decision: approved" if row.get("decision", "").strip() == "approved" else f"Decision: rejected ({row.get('reason', '').strip()})"
        if logged_line != head[3]:
            verdict(False, head[3], logged_line, f"{path} disagrees with rota/swap-log.csv")
verdict(True, f"{len(exp['log'])} replies", f"{len(exp['log'])} replies", "replies consistent with the log")
