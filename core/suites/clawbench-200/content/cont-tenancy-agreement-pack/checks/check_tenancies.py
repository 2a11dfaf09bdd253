"""Mode register / agreements / offers / folders for the September tenancy pack."""
import csv
import json
import os
import sys

import yaml

EXP = os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__))), "expected")
MODE = sys.argv[1]
REFS = ["TN-2024-031", "TN-2024-032", "TN-2024-033"]


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}, ensure_ascii=False))
    sys.exit(0 if passed else 1)


def lines(text):
    return [ln.rstrip() for ln in text.replace("\r\n", "\n").strip().split("\n")]


if MODE == "register":
    path = "tenancies/register.csv"
    try:
        got = [[c.strip() for c in r] for r in csv.reader(open(path, newline="", encoding="utf-8")) if r]
    except FileNotFoundError:
        verdict(False, "missing", path, f"{path} does not exist")
    want = [r for r in csv.reader(open(os.path.join(EXP, "register.csv"), newline="", encoding="utf-8")) if r]
    if got[:1] != want[:1]:
        verdict(False, got[:1], want[:1], "register header changed")
    if len(got) != len(want):
        verdict(False, [r[0] for r in got[1:]], [r[0] for r in want[1:]], "register must keep the 3 old rows and add exactly 3 new ones")
    for g, w in zip(got[1:], want[1:]):
        if g != w:
            verdict(False, g, w, f"register row {w[0]} wrong (or rows not sorted by start date)")
    verdict(True, len(got) - 1, len(want) - 1, "register correct")

if MODE == "agreements":
    for ref in REFS:
        path = f"tenancies/{ref}/agreement.md"
        if not os.path.isfile(path):
            verdict(False, "missing", path, f"{path} does not exist")
        g = lines(open(path, encoding="utf-8").read())
        w = lines(open(os.path.join(EXP, f"{ref}.md"), encoding="utf-8").read())
        if g != w:
            diff = next(((a, b) for a, b in zip(g, w) if a != b), (g[len(w):] or None, w[len(g):] or None))
            verdict(False, diff[0], diff[1], f"{path} differs from the filled template")
    verdict(True, REFS, REFS, "all three agreements correct")

if MODE == "folders":
    got = sorted(d for d in os.listdir("tenancies") if os.path.isdir(os.path.join("tenancies", d))) if os.path.isdir("tenancies") else []
    verdict(got == REFS, got, REFS, "exactly one folder per accepted offer (none for the withdrawn one)")

try:
    doc = yaml.safe_load(open("offers/accepted-offers.yaml", encoding="utf-8"))
except (OSError, yaml.YAMLError) as e:
    verdict(False, "unreadable", "valid YAML", f"offers/accepted-offers.yaml: {e}")
want = json.load(open(os.path.join(EXP, "offers.json"), encoding="utf-8"))
if doc != want:
    diff = [(g, w) for g, w in zip((doc or {}).get("offers", []), want["offers"]) if g != w]
    verdict(False, diff[0][0] if diff else doc, diff[0][1] if diff else want, "offers file: processed offers need status agreement-issued and tenancy_ref; the withdrawn one unchanged")
order = [list(o) for o in doc["offers"]]
if any(o[-1] != "tenancy_ref" for o in order if "tenancy_ref" in o):
    verdict(False, order, "tenancy_ref last", "tenancy_ref must be the offer's last key")
verdict(True, "offers updated", "offers updated", "offers file correct")
