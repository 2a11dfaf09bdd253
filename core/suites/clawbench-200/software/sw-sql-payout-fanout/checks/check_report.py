"""out/tutor-payouts-2024-06.csv is exactly the June report under the payout rules."""
import csv
import json
import os
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
want = list(csv.reader(open(os.path.join(CHECKS, "expected_report.csv"), encoding="utf-8")))
try:
    got = [r for r in csv.reader(open("out/tutor-payouts-2024-06.csv", encoding="utf-8", newline="")) if r]
except FileNotFoundError:
    got = []
bad = [{"got": g, "want": w} for g, w in zip(got, want) if g != w]
if len(got) != len(want):
    bad.append({"rows": len(got) - 1, "want_rows": len(want) - 1})
ok = not bad
print(json.dumps({"passed": ok, "observed": bad[:3], "expected": [], "message": "June report correct" if ok else "June report differs"}, ensure_ascii=False))
sys.exit(0 if ok else 1)
