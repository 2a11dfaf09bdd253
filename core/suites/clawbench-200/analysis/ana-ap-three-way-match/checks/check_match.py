"""ap/match_2024-06.csv: every invoice line with the procedure's status."""
import csv
import json
import os
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


exp = json.load(open(os.path.join(CHECKS, "expected.json")))["match"]
try:
    with open("ap/match_2024-06.csv", newline="", encoding="utf-8") as fh:
        got = list(csv.DictReader(fh))
except FileNotFoundError:
    verdict(False, "missing", "ap/match_2024-06.csv", "the match file was not written")
want = {(e[0], e[1], e[2], str(e[3])): e[4] for e in exp}
seen = {}
for r in got:
    key = tuple((r.get(k) or "").strip() for k in ("invoice_no", "vendor_id", "po_number", "po_line"))
    seen[key] = (r.get("status") or "").strip()
if set(seen) != set(want) or len(got) != len(exp):
    verdict(False, {"rows": len(got), "unexpected": sorted(set(seen) - set(want))[:5], "missing": sorted(set(want) - set(seen))[:5]},
            {"rows": len(exp)}, "one row per invoice line of the June file")
wrong = {"/".join(k): [seen[k], v] for k, v in want.items() if seen[k] != v}
if wrong:
    verdict(False, {k: v[0] for k, v in list(wrong.items())[:6]}, {k: v[1] for k, v in list(wrong.items())[:6]},
            f"{len(wrong)} line status(es) differ from the procedure")
verdict(True, f"{len(got)} lines", f"{len(exp)} lines", "every line status is right")
