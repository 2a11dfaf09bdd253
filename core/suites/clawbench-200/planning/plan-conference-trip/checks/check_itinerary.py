"""trip/itinerary.json matches the policy's choices field by field (numbers to the cent)."""
import json
import os
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


def same(a, b):
    if isinstance(b, bool) or isinstance(a, bool):
        return a == b
    if isinstance(b, (int, float)) and isinstance(a, (int, float)):
        return abs(a - b) < 0.005
    return a == b


want = json.load(open(os.path.join(CHECKS, "expected.json")))
try:
    got = json.load(open("trip/itinerary.json", encoding="utf-8"))
except FileNotFoundError:
    verdict(False, "missing", "present", "trip/itinerary.json does not exist")
except json.JSONDecodeError as e:
    verdict(False, "invalid JSON", "valid JSON", str(e))
if not isinstance(got, dict) or sorted(got) != sorted(want):
    verdict(False, sorted(got) if isinstance(got, dict) else got, sorted(want), "wrong top-level keys")
for section in ("flights", "hotels"):
    g, w = got[section], want[section]
    if not isinstance(g, list) or len(g) != len(w):
        verdict(False, g, w, f"{section} must have {len(w)} entries")
    for i, (ge, we) in enumerate(zip(g, w)):
        if not isinstance(ge, dict) or sorted(ge) != sorted(we):
            verdict(False, ge, we, f"{section}[{i}] must have exactly the keys {sorted(we)}")
        for k in we:
            if not same(ge[k], we[k]):
                verdict(False, {f"{section}[{i}].{k}": ge[k]}, {f"{section}[{i}].{k}": we[k]}, f"{section}[{i}].{k} is wrong")
for k in ("traveller", "per_diem_eur", "total_eur"):
    if not same(got[k], want[k]):
        verdict(False, {k: got[k]}, {k: want[k]}, f"{k} is wrong")
verdict(True, got["total_eur"], want["total_eur"], "itinerary matches the policy")
