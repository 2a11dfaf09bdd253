"""The alert memo's table has exactly the contracts due for a decision, sorted by action date."""
import json
import os
import re
import sys

PATH = "register/renewal-alerts-2024-10.md"
HEADER = ["Contract", "Counterparty", "Action by", "Action", "Owner"]


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


want = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected_contracts.json"), encoding="utf-8"))["alerts"]
if not os.path.isfile(PATH):
    verdict(False, "missing", PATH, f"{PATH} does not exist")
lines = [ln.strip() for ln in open(PATH, encoding="utf-8").read().splitlines() if ln.strip().startswith("|")]
cells = [[c.strip() for c in ln.strip("|").split("|")] for ln in lines]
if not cells or cells[0] != HEADER:
    verdict(False, cells[0] if cells else None, HEADER, "the alert table header is not as the playbook says")
body = [c for c in cells[1:] if not all(re.fullmatch(r":?-{3,}:?", x) for x in c)]
if body != want:
    verdict(False, body, want, "alert rows differ (which contracts, dates, actions, owners or order)")
verdict(True, f"{len(body)} alerts", f"{len(want)} alerts", "alert table matches")
