"""The checklist ticks exactly the documents whose current version is final; nothing else changes."""
import json, os, sys

def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)

exp = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", "."), "expected.json")))["checklist"]
got = open("bids/harbour-2024/submission-checklist.md", encoding="utf-8").read()
g = [l.rstrip() for l in got.strip().splitlines()]; w = [l.rstrip() for l in exp.strip().splitlines()]
diff = [(a, b) for a, b in zip(g, w) if a != b]
verdict(g == w, [d[0] for d in diff] or len(g), [d[1] for d in diff] or len(w), "checklist")
