"""The JSON summary agrees with the CSV: every port with a firewall change in the CSV is in the
JSON list of that change, and exposed_unapproved lists exactly the CSV ports that are
externally open without public approval."""
import csv
import json
import sys


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


try:
    rows = list(csv.DictReader(open("reports/exposure-2024-06-24.csv", newline="")))
    summ = json.load(open("reports/exposure-2024-06-24.json"))
    exposed = sorted({int(r["port"]) for r in rows if r["externally_open"] == "yes" and r["approved"] != "public"})
    problems = []
    if sorted(summ["exposed_unapproved"]) != exposed:
        problems.append(f"exposed_unapproved {summ['exposed_unapproved']} vs CSV {exposed}")
    for r in rows:
        ch = r["firewall_change"]
        if ch in ("removed", "moved", "added") and int(r["port"]) not in summ[ch]:
            problems.append(f"port {r['port']} is '{ch}' in the CSV but not in the JSON list")
except (FileNotFoundError, KeyError, ValueError, TypeError, json.JSONDecodeError) as e:
    verdict(False, repr(e), "CSV and JSON", "report files missing or malformed")
verdict(not problems, problems or "consistent", "consistent", "CSV and JSON agree" if not problems else "CSV and JSON disagree")
