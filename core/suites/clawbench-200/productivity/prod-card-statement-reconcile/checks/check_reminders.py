"""One reminder per cardholder with missing receipts, listing exactly their missing lines and total."""
import json, os, re, sys

def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)

E = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", "."), "expected.json")))["reminders"]
d = "recon/2024-10/reminders"
got = sorted(f for f in os.listdir(d)) if os.path.isdir(d) else []
want = sorted(h + ".md" for h in E)
if got != want:
    verdict(False, got, want, "wrong set of reminder files")
for h, e in E.items():
    text = open(os.path.join(d, h + ".md"), encoding="utf-8").read()
    rows = [[c.strip() for c in m.group(1).split("|")] for m in re.finditer(r"^\|\s*(\d{4}-\d{2}-\d{2}\s*\|[^\n]*?)\|\s*$", text, re.M)]
    rows = [[r[0], r[1], f"{float(r[2]):.2f}"] for r in rows if len(r) == 3]
    if rows != e["rows"]:
        verdict(False, {h: rows}, {h: e["rows"]}, f"{h}.md lists the wrong payments")
    m = re.search(r"^Total missing: EUR (\d+\.\d{2})\s*$", text, re.M)
    if not m or m.group(1) != e["total"]:
        verdict(False, {h: m.group(1) if m else None}, {h: e["total"]}, f"{h}.md total wrong")
verdict(True, got, want, "reminders right")
