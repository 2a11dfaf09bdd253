"""The bid folder holds exactly the expected files (moved, renamed, unedited); working/ is empty."""
import json, os, sys

def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)

exp = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", "."), "expected.json")))["files"]
B = "bids/harbour-2024"
sub = sys.argv[1]
got = {}
for root in (["working"] if sub == "working" else [sub]):
    base = os.path.join(B, root)
    for dp, _, fs in os.walk(base):
        for f in fs:
            rel = os.path.relpath(os.path.join(dp, f), B)
            got[rel] = open(os.path.join(dp, f), encoding="utf-8", errors="replace").read()
want = {k: v for k, v in exp.items() if k.startswith(sub + "/")}
if sorted(got) != sorted(want):
    verdict(False, sorted(got), sorted(want), f"{sub}/ holds the wrong files")
bad = [k for k in want if got[k] != want[k]]
verdict(not bad, bad, [], f"{sub}/ files were edited or swapped" if bad else f"{sub}/ right")
