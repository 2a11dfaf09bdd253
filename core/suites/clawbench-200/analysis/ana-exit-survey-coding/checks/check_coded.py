"""coding/exit_coded_2024H1.csv: one row per leaver (latest submission), coded mechanically."""
import csv
import json
import os
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


exp = json.load(open(os.path.join(CHECKS, "expected.json")))["rows"]
try:
    with open("coding/exit_coded_2024H1.csv", newline="", encoding="utf-8") as fh:
        got = list(csv.DictReader(fh))
except FileNotFoundError:
    verdict(False, "missing", "coding/exit_coded_2024H1.csv", "the coded file was not written")
ids = [(r.get("response_id") or "").strip() for r in got]
want = [e[0] for e in exp]
if sorted(ids) != sorted(want):
    verdict(False, {"rows": len(ids), "unexpected": sorted(set(ids) - set(want))[:10], "missing": sorted(set(want) - set(ids))[:10]},
            {"rows": len(want)}, "rows must be the latest submission of each leaver")
by_id = {(r.get("response_id") or "").strip(): r for r in got}
wrong = []
for rid, emp, home, primary, codes in exp:
    g = by_id[rid]
    gp = (g.get("primary_code") or "").strip()
    gc = ";".join(c.strip() for c in (g.get("all_codes") or "").split(";") if c.strip())
    if gp != primary or gc != codes or (g.get("employee_id") or "").strip() != emp:
        wrong.append({rid: [gp, gc]})
if wrong:
    verdict(False, wrong[:5], {w_: [e[3], e[4]] for e in exp for w_ in [e[0]] if any(w_ in x for x in wrong[:5])},
            f"{len(wrong)} response(s) coded differently from the codebook rules")
verdict(True, f"{len(got)} responses", f"{len(exp)} responses", "all responses coded per the guide")
