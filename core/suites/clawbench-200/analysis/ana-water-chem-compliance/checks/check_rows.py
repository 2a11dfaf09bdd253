"""reports/chem_compliance_2024Q2.csv: every supply/parameter row per the method."""
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
    with open("reports/chem_compliance_2024Q2.csv", newline="", encoding="utf-8") as fh:
        got = list(csv.DictReader(fh))
except FileNotFoundError:
    verdict(False, "missing", "reports/chem_compliance_2024Q2.csv", "the compliance file was not written")
keys = [((r.get("supply") or "").strip(), (r.get("parameter") or "").strip()) for r in got]
want = [(e[0], e[1]) for e in exp]
if keys != want:
    verdict(False, keys[:6], want[:6], "one row per supply and measured parameter, sorted by supply then parameter")
for g, (sup, par, n, mx, mean, mav, nex, status) in zip(got, exp):
    name = f"{sup}/{par}"
    try:
        obs = [int(float(g["n"])), float(g["max_mg_l"]), float(g["mean_mg_l"]), float(g["mav_mg_l"]), int(float(g["n_exceed"]))]
    except (KeyError, TypeError, ValueError):
        verdict(False, {name: g}, {name: [n, mx, mean, mav, nex]}, f"{name}: a numeric field is missing")
    want_v = [n, float(mx), float(mean), float(mav), nex]
    for label, o, e in zip(("n", "max_mg_l", "mean_mg_l", "mav_mg_l", "n_exceed"), obs, want_v):
        tol = max(0.00011, 0.0002 * abs(e)) if isinstance(e, float) else 0
        if abs(o - e) > tol:
            verdict(False, {name: {label: o}}, {name: {label: e}}, f"{name}: {label} differs")
    if (g.get("status") or "").strip() != status:
        verdict(False, {name: g.get("status")}, {name: status}, f"{name}: status differs")
verdict(True, f"{len(got)} rows", f"{len(exp)} rows", "all rows match the method")
