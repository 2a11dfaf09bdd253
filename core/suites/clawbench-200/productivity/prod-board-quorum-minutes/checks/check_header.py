"""The minutes' attendance block has the five lines exactly as the template requires."""
import json, os, sys

def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)

exp = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", "."), "expected.json")))["header"]
p = "meetings/2024-11-20/minutes-attendance.md"
if not os.path.isfile(p):
    verdict(False, "missing", p, "minutes-attendance.md missing")
lines = [l.strip() for l in open(p, encoding="utf-8").read().splitlines()]
for want in exp:
    key = want.split(":")[0] + ":"
    got = [l for l in lines if l.startswith(key)]
    if got != [want]:
        verdict(False, got, want, f"the {key} line is wrong or repeated")
verdict(True, "5 lines", "5 lines", "attendance block right")
