"""okrs/2024-Q2-scorecard.json equals the expected scorecard (numbers within 0.005)."""
import json
import os
import sys

PATH = "okrs/2024-Q2-scorecard.json"


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


want = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected_scorecard.json")))
try:
    got = json.load(open(PATH, encoding="utf-8"))
except (OSError, ValueError) as e:
    verdict(False, str(e), "valid JSON", f"{PATH} missing or invalid")


def same(a, b):
    if isinstance(b, dict):
        return isinstance(a, dict) and set(a) == set(b) and all(same(a[k], b[k]) for k in b)
    if isinstance(b, list):
        return isinstance(a, list) and len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(b, (int, float)) and not isinstance(b, bool):
        return isinstance(a, (int, float)) and not isinstance(a, bool) and abs(a - b) < 0.005
    return a == b


if got.get("quarter") != want["quarter"]:
    verdict(False, got.get("quarter"), want["quarter"], "quarter wrong")
go = got.get("objectives") or []
if [o.get("id") for o in go] != [o["id"] for o in want["objectives"]]:
    verdict(False, [o.get("id") for o in go], [o["id"] for o in want["objectives"]], "objectives missing or out of order")
for g, e in zip(go, want["objectives"]):
    if not same(g, e):
        verdict(False, g, e, f"objective {e['id']} differs (KR list, actuals, scores or grade)")
if not same(got.get("summary"), want["summary"]) or set(got) != set(want):
    verdict(False, got.get("summary"), want["summary"], "summary wrong or extra top-level keys")
verdict(True, want["summary"], want["summary"], "scorecard matches")
