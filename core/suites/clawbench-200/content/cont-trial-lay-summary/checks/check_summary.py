"""Mode table: the side-effect table rows. Mode language: no glossary medical term (with a different lay term) in the summary."""
import csv
import json
import os
import re
import sys

MODE = sys.argv[1]
E = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected.json")))
PATH = "summary/lay-summary.md"


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


try:
    text = open(PATH, encoding="utf-8").read()
except FileNotFoundError:
    verdict(False, "missing", PATH, f"{PATH} does not exist")
if MODE == "table":
    rows = []
    for ln in text.splitlines():
        ln = ln.strip()
        if ln.startswith("|") and not re.match(r"^\|[\s:|-]+\|$", ln):
            rows.append([c.strip() for c in ln.strip("|").split("|")])
    if rows != E["table"]:
        if rows[:1] != E["table"][:1]:
            verdict(False, rows[:1], E["table"][:1], "table header wrong")
        diff = next(((g, w) for g, w in zip(rows[1:], E["table"][1:]) if g != w), (len(rows) - 1, len(E["table"]) - 1))
        verdict(False, diff[0], diff[1], "side-effect rows differ (counts, percentages, 5% threshold, order or names)")
    verdict(True, len(rows) - 1, len(E["table"]) - 1, "table correct")
bad = []
for row in csv.DictReader(open("glossary/lay-terms.csv", encoding="utf-8")):
    med, lay = row["medical_term"].strip(), row["lay_term"].strip()
    if med.lower() in lay.lower():
        continue
    if re.search(r"\b" + re.escape(med) + r"\b", text, re.I):
        bad.append(med)
verdict(not bad, bad, [], "medical terms must be replaced by the glossary's lay terms" if bad else "plain language only")
