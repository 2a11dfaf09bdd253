"""The register keeps its rows and gains one row per director in office for 2024-11-20."""
import json, os, sys

def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)

exp = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", "."), "expected.json")))["register"]
got = [l.strip() for l in open("board/attendance-register.csv", encoding="utf-8").read().strip().splitlines()]
if got[:len(exp) - 9] != exp[:len(exp) - 9]:
    verdict(False, "earlier rows changed", "unchanged", "existing register rows must stay as they are")
new_g = sorted(got[len(exp) - 9:]); new_e = sorted(exp[len(exp) - 9:])
verdict(new_g == new_e, new_g, new_e, "rows for 2024-11-20")
