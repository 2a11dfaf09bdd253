"""renewals-2025-q1.csv holds exactly the Q1 renewals with dates, seats, cost and decision, in order."""
import csv, json, os, sys

def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)

exp = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", "."), "expected.json")))["rows"]
p = "admin/renewals-2025-q1.csv"
if not os.path.isfile(p):
    verdict(False, "missing", p, "renewal list missing")
tab = [[c.strip() for c in r] for r in csv.reader(open(p, encoding="utf-8", newline="")) if r]
H = ["id", "vendor", "renewal_date", "notice_deadline", "seats_at_renewal", "annual_cost_eur", "decision"]
if not tab or tab[0] != H:
    verdict(False, tab[:1], H, "wrong header")
rows = tab[1:]
def norm(r):
    r = list(r)
    try:
        r[5] = f"{float(r[5]):.2f}"
    except ValueError:
        pass
    return r
rows = [norm(r) for r in rows]
if rows == exp:
    verdict(True, len(rows), len(exp), "renewal list right")
miss = [r for r in exp if r not in rows]; extra = [r for r in rows if r not in exp]
verdict(False, {"unexpected": extra[:4]}, {"missing": miss[:4]}, "rows differ" if miss or extra else "rows in the wrong order")
