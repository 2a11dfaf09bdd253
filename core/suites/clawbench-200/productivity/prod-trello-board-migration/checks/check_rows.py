"""tracksy-import.csv: exactly the expected issues with every field, in status then position order."""
import csv, json, os, sys

def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)

exp = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", "."), "expected.json")))["rows"]
p = "import/tracksy-import.csv"
if not os.path.isfile(p):
    verdict(False, "missing", p, "import CSV missing")
tab = list(csv.reader(open(p, encoding="utf-8", newline="")))
tab = [r for r in tab if r]
H = ["external_id", "title", "status", "assignee", "tags", "due_date", "checklist", "description"]
if not tab or tab[0] != H:
    verdict(False, tab[:1], H, "wrong header")
rows = [[c.replace("\r\n", "\n") for c in r] for r in tab[1:]]
if rows == exp:
    verdict(True, len(rows), len(exp), "import rows right")
ids_g = [r[0] for r in rows]; ids_e = [r[0] for r in exp]
if sorted(ids_g) != sorted(ids_e):
    verdict(False, ids_g, ids_e, "wrong set of issues")
if ids_g != ids_e:
    verdict(False, ids_g, ids_e, "wrong row order")
for g, e in zip(rows, exp):
    if g != e:
        diff = {H[i]: g[i] if i < len(g) else None for i in range(len(H)) if i >= len(g) or g[i] != e[i]}
        verdict(False, {e[0]: diff}, {e[0]: {k: e[H.index(k)] for k in diff}}, f"{e[0]} differs")
