"""results/yield_2024.csv lists every analysed plot with its yield at 15.5 % moisture."""
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
    with open("results/yield_2024.csv", newline="", encoding="utf-8") as fh:
        got = list(csv.DictReader(fh))
except FileNotFoundError:
    verdict(False, "missing", "results/yield_2024.csv", "the plot yields were not written")
plots = [(r.get("plot") or "").strip() for r in got]
want = [str(e[0]) for e in exp]
if plots != want:
    verdict(False, plots, want, "one row per analysed plot (304 excluded), by plot number")
for g, (plot, block, trt, y) in zip(got, exp):
    if (g.get("treatment") or "").strip() != trt or (g.get("block") or "").strip() != str(block):
        verdict(False, {plot: [g.get("block"), g.get("treatment")]}, {plot: [block, trt]}, f"plot {plot}: block/treatment wrong")
    try:
        v = float(g["yield_t_ha"])
    except (KeyError, TypeError, ValueError):
        verdict(False, {plot: g.get("yield_t_ha")}, {plot: y}, f"plot {plot}: yield missing")
    if abs(v - y) > 0.011:
        verdict(False, {plot: v}, {plot: y}, f"plot {plot}: yield differs")
verdict(True, f"{len(got)} plots", f"{len(exp)} plots", "all plot yields correct")
