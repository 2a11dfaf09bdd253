"""directory/contacts.csv: CRM headers in field-map order and one exact row per merged contact."""
import csv
import json
import os
import sys

PATH = "directory/contacts.csv"


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


exp = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected_contacts.json")))
if not os.path.isfile(PATH):
    verdict(False, "missing", PATH, f"{PATH} does not exist")
got = [[c.strip() for c in r] for r in csv.reader(open(PATH, newline="", encoding="utf-8")) if r]
if got[:1] != [exp["headers"]]:
    verdict(False, got[:1], exp["headers"], "headers must be the field map's CRM headers in its order")
body, want = got[1:], exp["rows"]
if len(body) != len(want):
    verdict(False, [r[0] + " " + r[3] for r in body], [r[0] + " " + r[3] for r in want], f"{len(body)} contacts, expected {len(want)}")
for g, w in zip(body, want):
    if g != w:
        verdict(False, g, w, f"{w[0]} differs (merge, precedence, normalisation or id order)")
verdict(True, f"{len(body)} contacts", f"{len(want)} contacts", "directory matches the merge rules")
