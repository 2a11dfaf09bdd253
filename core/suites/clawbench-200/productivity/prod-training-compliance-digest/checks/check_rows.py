"""overdue CSV: exactly the expected overdue items, sorted by days overdue desc, then employee_id, course."""
import csv, json, os, sys

def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)

exp = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", "."), "expected.json")))["rows"]
p = "training/overdue-2024-11-30.csv"
if not os.path.isfile(p):
    verdict(False, "missing", p, "overdue list missing")
tab = [[c.strip() for c in r] for r in csv.reader(open(p, encoding="utf-8", newline="")) if r]
rows = tab[1:]
if rows == exp:
    verdict(True, len(rows), len(exp), "overdue list right")
miss = [r for r in exp if r not in rows]; extra = [r for r in rows if r not in exp]
verdict(False, {"unexpected": extra[:4]}, {"missing": miss[:4]}, "rows differ" if miss or extra else "rows in the wrong order")
