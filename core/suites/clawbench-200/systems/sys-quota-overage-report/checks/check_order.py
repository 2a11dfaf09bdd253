"""out/quota-overage-2024-06-28.csv is sorted by pct_of_soft descending, then user ascending."""
import csv
import json
import sys

try:
    rows = list(csv.DictReader(open("out/quota-overage-2024-06-28.csv", newline="")))
    keys = [(-float(r["pct_of_soft"]), r["user"]) for r in rows]
except (FileNotFoundError, KeyError, ValueError, TypeError) as e:
    print(json.dumps({"passed": False, "observed": repr(e), "expected": "sorted CSV", "message": "CSV missing or malformed"}))
    sys.exit(1)
ok = bool(keys) and keys == sorted(keys)
print(json.dumps({"passed": ok, "observed": [u for _, u in keys], "expected": [u for _, u in sorted(keys)],
                  "message": "sorted" if ok else "rows must be sorted by pct_of_soft descending, then user"}))
sys.exit(0 if ok else 1)
