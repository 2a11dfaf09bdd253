"""Cross-file: merge-report.json agrees with the files: contacts = rows in contacts.csv,
needs_review = rows in needs-review.csv, merged = inputs - dropped - contacts, and the input counts."""
import csv
import json
import sys


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


try:
    rep = json.load(open("directory/merge-report.json", encoding="utf-8"))
    n_contacts = sum(1 for _ in csv.DictReader(open("directory/contacts.csv", newline="", encoding="utf-8")))
    n_review = sum(1 for _ in csv.DictReader(open("directory/needs-review.csv", newline="", encoding="utf-8")))
except FileNotFoundError as e:
    verdict(False, "missing", e.filename, f"{e.filename} does not exist")
except json.JSONDecodeError as e:
    verdict(False, "invalid JSON", "JSON", str(e))
want_input = {"signup": 14, "phone": 10, "newsletter": 10}
if rep.get("input") != want_input:
    verdict(False, rep.get("input"), want_input, "input counts are records per source (rows / vCards)")
exp = {"contacts": n_contacts, "needs_review": n_review, "dropped": 2,
       "merged": sum(want_input.values()) - 2 - n_contacts}
got = {k: rep.get(k) for k in exp}
if got != exp:
    verdict(False, got, exp, "report numbers must agree with contacts.csv and needs-review.csv")
verdict(True, got, exp, "report consistent")
