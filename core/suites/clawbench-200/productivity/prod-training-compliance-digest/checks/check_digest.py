"""The digest has one section per manager, sorted by name, whose heading count and bullets match the overdue CSV rows."""
import csv, os, re, sys, json

def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)

p = "training/manager-digest-2024-11-30.md"
c = "training/overdue-2024-11-30.csv"
if not os.path.isfile(p) or not os.path.isfile(c):
    verdict(False, "missing", [p, c], "digest or CSV missing")
rows = list(csv.DictReader(open(c, encoding="utf-8", newline="")))
if not rows:
    verdict(False, 0, ">0 rows", "the overdue CSV is empty")
want = {}
for r in rows:
    want.setdefault(r["manager"].strip(), []).append(f"- {r['name'].strip()} - {r['course'].strip()} - due {r['due_date'].strip()} - overdue: {r['days_overdue'].strip()}")
text = open(p, encoding="utf-8").read().splitlines()
got, cur, order = {}, None, []
for line in text:
    m = re.match(r"^## (.+) \((\d+) overdue\)\s*$", line)
    if m:
        cur = m.group(1); order.append(cur); got[cur] = {"n": int(m.group(2)), "items": []}
    elif cur and line.startswith("- "):
        got[cur]["items"].append(line.rstrip())
if order != sorted(want):
    verdict(False, order, sorted(want), "manager sections wrong or not sorted by name")
for m, items in want.items():
    if got[m]["n"] != len(items) or got[m]["items"] != items:
        verdict(False, {m: got[m]}, {m: {"n": len(items), "items": items}}, f"section for {m} does not match the CSV")
verdict(True, len(order), len(want), "digest matches the CSV")
