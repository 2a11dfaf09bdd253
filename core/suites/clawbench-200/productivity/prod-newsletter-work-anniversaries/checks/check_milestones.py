"""milestones.csv holds exactly the expected anniversaries, sorted by date then name."""
import csv, json, os, sys

def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)

exp = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", "."), "expected.json")))["rows"]
p = "newsletter/2025-02/milestones.csv"
if not os.path.isfile(p):
    verdict(False, "missing", p, "milestones.csv missing")
tab = [[c.strip() for c in r] for r in csv.reader(open(p, encoding="utf-8", newline="")) if r]
if not tab or tab[0] != ["date", "name", "team", "years"]:
    verdict(False, tab[:1], ["date", "name", "team", "years"], "wrong header")
rows = tab[1:]
if rows == exp:
    verdict(True, f"{len(rows)} rows", f"{len(exp)} rows", "all milestones right")
miss = [r for r in exp if r not in rows]; extra = [r for r in rows if r not in exp]
verdict(False, {"unexpected": extra}, {"missing": miss}, "rows differ" if miss or extra else "rows in wrong order")
