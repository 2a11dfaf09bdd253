"""statement-recon.csv: every statement line with cardholder, merchant, status and matched receipt."""
import csv, json, os, sys

def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)

E = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", "."), "expected.json")))
which = sys.argv[1]
if which == "recon":
    p, exp, H = "recon/2024-10/statement-recon.csv", E["recon"], ["txn_id", "posted_date", "cardholder", "merchant", "amount_eur", "status", "receipt_id"]
else:
    p, exp, H = "recon/2024-10/unmatched-receipts.csv", E["unmatched"], ["receipt_id", "submitted_by", "date", "merchant", "total", "currency"]
if not os.path.isfile(p):
    verdict(False, "missing", p, p + " missing")
tab = [[c.strip() for c in r] for r in csv.reader(open(p, encoding="utf-8", newline="")) if r]
if not tab or tab[0] != H:
    verdict(False, tab[:1], H, "wrong header")
def norm(r, i):
    r = list(r)
    try:
        r[i] = f"{float(r[i]):.2f}"
    except (ValueError, IndexError):
        pass
    return r
i = 4
rows = [norm(r, i) for r in tab[1:]]
exp = [norm(r, i) for r in exp]
if rows == exp:
    verdict(True, len(rows), len(exp), p + " right")
miss = [r for r in exp if r not in rows]; extra = [r for r in rows if r not in exp]
verdict(False, {"unexpected": extra[:4]}, {"missing": miss[:4]}, "rows differ" if miss or extra else "rows in the wrong order")
