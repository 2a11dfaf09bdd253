"""tests/golden/*.txt hold the correct renders of tests/cases.json (the four cases with wide,
combining or truncated text regenerated, the two ASCII cases unchanged) and cases.json itself
was not touched."""
import hashlib
import json
import os
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
EXP = json.load(open(os.path.join(CHECKS, "expected_golden.json"), encoding="utf-8"))
bad = []
try:
    if hashlib.sha256(open("tests/cases.json", "rb").read()).hexdigest() != EXP["cases_sha256"]:
        bad.append("tests/cases.json was modified")
except FileNotFoundError:
    bad.append("tests/cases.json is missing")
for name, want in EXP["golden"].items():
    path = f"tests/golden/{name}.txt"
    try:
        got = open(path, encoding="utf-8").read()
    except FileNotFoundError:
        bad.append(f"{path} missing")
        continue
    if got != want:
        bad.append(f"{path} is not the correct render" + (" (still the old, misaligned one)" if got == EXP["old_golden"][name] else ""))
print(json.dumps({"passed": not bad, "observed": bad or "all golden files correct", "expected": "correct golden files",
                  "message": "golden files correct" if not bad else f"{len(bad)} problem(s)"}, ensure_ascii=False))
sys.exit(1 if bad else 0)
