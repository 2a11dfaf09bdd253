"""register.csv lists the 5 documents with current file, version, status and superseded count."""
import csv, json, os, sys

def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)

exp = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", "."), "expected.json")))["register"]
p = "bids/harbour-2024/register.csv"
tab = [[c.strip() for c in r] for r in csv.reader(open(p, encoding="utf-8", newline="")) if r]
if not tab or tab[0] != ["doc_code", "title", "current_file", "version", "status", "superseded_versions"]:
    verdict(False, tab[:1], "original header", "header changed")
rows = sorted(tab[1:])
verdict(rows == sorted(exp), rows, sorted(exp), "register rows")
