"""rota/swap-log.csv: one row per request, in received order, with the right decision and reason."""
import csv
import json
import os
import sys

PATH = "rota/swap-log.csv"
COLS = ["request_id", "received", "requester", "type", "decision", "reason"]


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


want = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected_swaps.json")))["log"]
if not os.path.isfile(PATH):
    verdict(False, "missing", PATH, f"{PATH} does not exist")
with open(PATH, newline="", encoding="utf-8") as fh:
    got = [[c.strip() for c in r] for r in csv.reader(fh) if r]
if got[:1] != [COLS]:
    verdict(False, got[:1], COLS, "wrong header")
if [r[0] for r in got[1:]] != [r[0] for r in want]:
    verdict(False, [r[0] for r in got[1:]], [r[0] for r in want], "one row per request, in the order received")
for g, w in zip(got[1:], want):
    if g != w:
        verdict(False, g, w, f"{w[0]}: row differs (decision, reason code, received time, requester handle or type)")
verdict(True, [r[4] for r in got[1:]], [r[4] for r in want], "swap log matches the rules")
