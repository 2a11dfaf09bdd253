"""Run the workspace's sql/tutor_payouts.sql on a hidden extract (another month, edge cases:
split and failed payments, several refunds, sessions at 00:00 on the first day of the month
and of the next month, a late-evening session on the last day, cancelled sessions with
payments, inactive tutors, an active tutor without sessions) and compare with the rules."""
import json
import os
import sqlite3
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
want = json.load(open(os.path.join(CHECKS, "hidden_expected.json"), encoding="utf-8"))
COLUMNS = ["tutor_id", "tutor_name", "sessions", "gross_cents", "refunds_cents", "fee_cents", "payout_cents", "avg_rating"]


def verdict(ok, observed, message):
    print(json.dumps({"passed": ok, "observed": observed, "expected": want["rows"], "message": message}, ensure_ascii=False))
    sys.exit(0 if ok else 1)


try:
    query = open("sql/tutor_payouts.sql", encoding="utf-8").read()
    db = sqlite3.connect(":memory:")
    db.executescript(open(os.path.join(CHECKS, "hidden_extract.sql"), encoding="utf-8").read())
    cur = db.execute(query, want["params"])
    names = [d[0] for d in cur.description]
    rows = cur.fetchall()
except (OSError, sqlite3.Error) as e:
    verdict(False, str(e)[:200], "the query fails on the hidden extract")
if names != COLUMNS:
    verdict(False, names, "the query's columns changed")
bad = []
if len(rows) != len(want["rows"]):
    bad.append({"rows": [r[:2] for r in rows]})
for got, exp in zip(rows, want["rows"]):
    ok_row = list(got[:7]) == exp[:7] and ((got[7] is None and exp[7] is None) or
                                            (got[7] is not None and exp[7] is not None and abs(float(got[7]) - exp[7]) < 0.005))
    if not ok_row:
        bad.append({"got": list(got), "want": exp})
verdict(not bad, bad[:4], "query follows the payout rules" if not bad else f"{len(bad)} row problem(s) on the hidden extract")
