"""quorum.csv has the 6 items with eligible count, quorum, quorate and carried exactly right."""
import csv, json, os, sys

def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)

exp = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", "."), "expected.json")))["quorum"]
p = "meetings/2024-11-20/quorum.csv"
if not os.path.isfile(p):
    verdict(False, "missing", p, "quorum.csv missing")
tab = [[c.strip() for c in r] for r in csv.reader(open(p, encoding="utf-8", newline="")) if r]
H = ["item", "time", "eligible_present", "quorum_required", "quorate", "carried"]
if not tab or tab[0] != H:
    verdict(False, tab[:1], H, "wrong header")
rows = tab[1:]
bad = [(g, w) for g, w in zip(rows, exp) if g != w]
if len(rows) != len(exp) or bad:
    verdict(False, [b[0] for b in bad] or len(rows), [b[1] for b in bad] or len(exp), "rows differ")
verdict(True, len(rows), len(exp), "quorum table right")
