"""reports/cert-expiry-2024-06-20.csv rows are sorted by days_left ascending (numerically),
then by site."""
import csv
import json
import sys

try:
    rows = list(csv.DictReader(open("reports/cert-expiry-2024-06-20.csv", newline="")))
    keys = [(int(r["days_left"]), r["site"]) for r in rows]
except (FileNotFoundError, KeyError, ValueError, TypeError) as e:
    print(json.dumps({"passed": False, "observed": str(e), "expected": "sorted CSV", "message": "CSV missing or malformed"}))
    sys.exit(1)
ok = bool(keys) and keys == sorted(keys)
print(json.dumps({"passed": ok, "observed": [s for _, s in keys], "expected": [s for _, s in sorted(keys)],
                  "message": "sorted" if ok else "rows are not sorted by days_left, then site"}))
sys.exit(0 if ok else 1)
