"""Per-diem / expense lines exactly as the policy gives them."""
import csv, json, os, sys

def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)

E = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", "."), "expected.json")))
which = sys.argv[1]
if which == "per_diem":
    p, H, num = "claim/per-diem.csv", ["date", "country", "day_type", "base_eur", "deductions_eur", "amount_eur"], [3, 4, 5]
else:
    p, H, num = "claim/expenses.csv", ["date", "category", "description", "amount", "currency", "eur_per_unit", "eur", "reimbursed_eur"], [3, 5, 6, 7]
exp = E[which]
if not os.path.isfile(p):
    verdict(False, "missing", p, p + " missing")
tab = [[c.strip() for c in r] for r in csv.reader(open(p, encoding="utf-8", newline="")) if r]
if not tab or tab[0] != H:
    verdict(False, tab[:1], H, "wrong header")
def norm(r):
    r = list(r)
    for i in num:
        try:
            r[i] = round(float(r[i]), 6)
        except (ValueError, IndexError):
            pass
    return r
rows = [norm(r) for r in tab[1:]]; exp = [norm(r) for r in exp]
if which == "expenses":
    rows, exp = sorted(rows, key=str), sorted(exp, key=str)
if rows == exp:
    verdict(True, len(rows), len(exp), p + " right")
miss = [r for r in exp if r not in rows]; extra = [r for r in rows if r not in exp]
verdict(False, {"unexpected": extra[:3]}, {"missing": miss[:3]}, "rows differ" if miss or extra else "rows in the wrong order")
