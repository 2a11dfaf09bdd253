"""reports/manifest-migration.csv has exactly the expected header and rows, in order."""
import csv
import json
import os
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
want = list(csv.reader(open(os.path.join(CHECKS, "expected_report.csv"), encoding="utf-8")))
try:
    got = [row for row in csv.reader(open("reports/manifest-migration.csv", encoding="utf-8", newline="")) if row]
except FileNotFoundError:
    print(json.dumps({"passed": False, "observed": "missing", "expected": "report", "message": "reports/manifest-migration.csv not written"}))
    sys.exit(1)
bad = [{"row": i, "got": g, "want": w} for i, (g, w) in enumerate(zip(got, want)) if [c.strip() for c in g] != w]
if len(got) != len(want):
    bad.append({"rows": len(got) - 1, "want_rows": len(want) - 1})
ok = not bad
print(json.dumps({"passed": ok, "observed": bad[:4], "expected": [], "message": "report exact" if ok else "report differs"}))
sys.exit(0 if ok else 1)
