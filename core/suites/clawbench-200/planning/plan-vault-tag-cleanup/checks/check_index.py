"""vault/Tags.md is exactly the generated index (sections A-Z with counts, notes A-Z)."""
import json, os, sys


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


exp = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected.json")))
try:
    got = [l.rstrip() for l in open("vault/Tags.md", encoding="utf-8").read().splitlines() if l.strip()]
except FileNotFoundError:
    verdict(False, "missing", "vault/Tags.md", "the tag index does not exist")
want = [l for l in exp["index"].splitlines() if l.strip()]
if got != want:
    gh = [l for l in got if l.startswith("## ")]
    wh = [l for l in want if l.startswith("## ")]
    if gh != wh:
        verdict(False, gh, wh, "tag sections or counts differ")
    diff = [(g, w) for g, w in zip(got, want) if g != w]
    verdict(False, [d[0] for d in diff][:4], [d[1] for d in diff][:4], "index lines differ")
verdict(True, f"{len(want)} lines", f"{len(want)} lines", "index matches")
