"""balances CSV: every employee's opening, accrual, taken days and closing balance."""
import csv, json, os, sys

def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)

exp = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", "."), "expected.json")))["rows"]
p = "leave/balances-2024-06-30.csv"
if not os.path.isfile(p):
    verdict(False, "missing", p, "balances CSV missing")
tab = [[c.strip() for c in r] for r in csv.reader(open(p, encoding="utf-8", newline="")) if r]
H = ["employee_id", "name", "opening", "accrued", "taken", "closing"]
if not tab or tab[0] != H:
    verdict(False, tab[:1], H, "wrong header")
def norm(r):
    r = list(r)
    for i in (2, 3, 4, 5):
        try:
            r[i] = f"{float(r[i]):.2f}"
        except (ValueError, IndexError):
            pass
    return r
rows = [norm(r) for r in tab[1:]]
if rows == exp:
    verdict(True, len(rows), len(exp), "balances right")
miss = [r for r in exp if r not in rows]; extra = [r for r in rows if r not in exp]
verdict(False, {"unexpected": extra[:4]}, {"missing": miss[:4]}, "rows differ" if miss or extra else "rows not sorted by employee_id")
