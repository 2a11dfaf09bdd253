"""Every handbook page has exactly the expected links after the repair (and no other edits)."""
import json, os, sys

def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)

exp = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", "."), "expected.json")))["pages"]
bad = []
for p, want in exp.items():
    f = os.path.join("handbook", p)
    if not os.path.isfile(f):
        bad.append((p, "missing")); continue
    got = open(f, encoding="utf-8").read()
    if got.rstrip("\n") != want.rstrip("\n"):
        gl, wl = got.rstrip("\n").split("\n"), want.rstrip("\n").split("\n")
        diff = [(i + 1, g, w) for i, (g, w) in enumerate(zip(gl, wl)) if g != w][:2] or [("length", len(gl), len(wl))]
        bad.append((p, diff))
verdict(not bad, bad[:3], "all pages as expected", f"{len(bad)} page(s) differ" if bad else "all links repaired")
