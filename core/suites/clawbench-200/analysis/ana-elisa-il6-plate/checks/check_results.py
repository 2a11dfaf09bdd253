"""results/IL6_2024-06-12_results.csv: every manifest sample with the SOP's OD, CV,
concentration and flag."""
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
    with open("results/IL6_2024-06-12_results.csv", newline="", encoding="utf-8") as fh:
        got = list(csv.DictReader(fh))
except FileNotFoundError:
    verdict(False, "missing", "results/IL6_2024-06-12_results.csv", "the results file was not written")
ids = [(r.get("sample_id") or "").strip() for r in got]
if ids != [e[0] for e in exp]:
    verdict(False, ids, [e[0] for e in exp], "one row per manifest sample, by sample id")


def same(text, want, tol, rel=0.0):
    text = (text or "").strip()
    if want == "":
        return text == ""
    try:
        v = float(text)
    except ValueError:
        return False
    return abs(v - float(want)) <= max(tol, rel * abs(float(want)))


for g, (sid, od, cv, conc, flag) in zip(got, exp):
    if (g.get("flag") or "").strip() != flag:
        verdict(False, {sid: g.get("flag")}, {sid: flag}, f"{sid}: flag differs")
    if not same(g.get("mean_net_od"), od, 0.0011):
        verdict(False, {sid: g.get("mean_net_od")}, {sid: od}, f"{sid}: mean net OD differs")
    if not same(g.get("cv_pct"), cv, 0.11):
        verdict(False, {sid: g.get("cv_pct")}, {sid: cv}, f"{sid}: CV differs")
    if not same(g.get("conc_pg_ml"), conc, 0.15, 0.002):
        verdict(False, {sid: g.get("conc_pg_ml")}, {sid: conc}, f"{sid}: concentration differs")
verdict(True, f"{len(got)} samples", f"{len(exp)} samples", "all samples match the SOP")
