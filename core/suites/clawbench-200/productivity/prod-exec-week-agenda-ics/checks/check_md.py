"""The printable agenda has the seven day sections with exactly the expected lines."""
import json, os, sys

def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)

exp = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", "."), "expected.json")))["md"]
p = "agenda/2024-10-28.md"
if not os.path.isfile(p):
    verdict(False, "missing", p, "agenda missing")
got = [l.rstrip() for l in open(p, encoding="utf-8").read().splitlines() if l.startswith(("## ", "- "))]
want = [l for l in exp if l.startswith(("## ", "- "))]
if got == want:
    verdict(True, len(got), len(want), "agenda right")
diff = [(g, w) for g, w in zip(got, want) if g != w][:3]
verdict(False, [d[0] for d in diff] or len(got), [d[1] for d in diff] or len(want), "agenda lines differ")
