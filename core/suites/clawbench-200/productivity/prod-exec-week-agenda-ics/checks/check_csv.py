"""agenda CSV: every occurrence of the week in UK time, deduplicated, sorted."""
import csv, json, os, sys

def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)

exp = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", "."), "expected.json")))["rows"]
p = "agenda/2024-10-28.csv"
if not os.path.isfile(p):
    verdict(False, "missing", p, "agenda CSV missing")
tab = [[c.strip() for c in r] for r in csv.reader(open(p, encoding="utf-8", newline="")) if r]
H = ["date", "start", "end", "title", "location", "calendar"]
if not tab or tab[0] != H:
    verdict(False, tab[:1], H, "wrong header")
rows = tab[1:]
if rows == exp:
    verdict(True, len(rows), len(exp), "agenda rows right")
miss = [r for r in exp if r not in rows]; extra = [r for r in rows if r not in exp]
verdict(False, {"unexpected": extra[:4]}, {"missing": miss[:4]}, "rows differ" if miss or extra else "rows in the wrong order")
