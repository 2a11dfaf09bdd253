"""The readout matches the method exactly: same keys as earlier readouts, every count,
rates to 0.00005 and the lift to 0.005."""
import json
import os
import sys

PATH = "experiments/results/checkout-cta-2024-06.json"
CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


def diff(got, want, where=""):
    if isinstance(want, dict):
        if not isinstance(got, dict):
            return where or "/", got, want
        if sorted(got) != sorted(want):
            return where or "/", sorted(got), sorted(want)
        for k in want:
            d = diff(got[k], want[k], f"{where}/{k}")
            if d:
                return d
        return None
    if isinstance(want, float):
        tol = 0.005 if where.endswith("lift_pct") else 0.00005
        if isinstance(got, bool) or not isinstance(got, (int, float)) or abs(got - want) > tol:
            return where, got, want
        return None
    if isinstance(want, int):
        if isinstance(got, bool) or not isinstance(got, int) or got != want:
            return where, got, want
        return None
    return None if got == want else (where, got, want)


expected = json.load(open(os.path.join(CHECKS, "expected_result.json")))
if not os.path.isfile(PATH):
    verdict(False, "missing", PATH, f"{PATH} does not exist")
try:
    got = json.load(open(PATH, encoding="utf-8"))
except (json.JSONDecodeError, UnicodeDecodeError) as e:
    verdict(False, "invalid JSON", "JSON object", f"{PATH} does not parse: {e}")
d = diff(got, expected)
if d:
    verdict(False, {d[0]: d[1]}, {d[0]: d[2]}, f"first difference at {d[0]}")
verdict(True, "all fields match", "all fields match", "readout matches the method exactly")
