"""out/abc_2024.csv holds every active item in the policy's order with the right value, share and class."""
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
    with open("out/abc_2024.csv", newline="", encoding="utf-8") as fh:
        got = list(csv.DictReader(fh))
except FileNotFoundError:
    verdict(False, "missing", "out/abc_2024.csv", "the classification file was not written")
items = [r.get("item") for r in got]
if items != [e[0] for e in exp]:
    missing = sorted(set(e[0] for e in exp) - set(items))
    extra = sorted(set(items) - set(e[0] for e in exp))
    verdict(False, {"rows": len(items), "missing": missing, "extra": extra},
            {"rows": len(exp)}, "rows must be exactly the active items, in the policy's order")
for g, (item, value, share, cls) in zip(got, exp):
    try:
        gv, gs = float(g["annual_value"]), float(g["cum_share_pct"])
    except (TypeError, ValueError, KeyError):
        verdict(False, g, {"item": item}, f"{item}: annual_value / cum_share_pct missing or not numeric")
    if abs(gv - float(value)) > 0.011:
        verdict(False, {item: gv}, {item: float(value)}, f"{item}: annual value differs")
    if abs(gs - float(share)) > 0.011:
        verdict(False, {item: gs}, {item: float(share)}, f"{item}: cumulative share differs")
    if (g.get("class") or "").strip() != cls:
        verdict(False, {item: g.get("class")}, {item: cls}, f"{item}: class differs")
verdict(True, f"{len(got)} rows", f"{len(exp)} rows", "every item classified per the policy")
