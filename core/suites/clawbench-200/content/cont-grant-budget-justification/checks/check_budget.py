"""Mode summary: budget/summary.csv rows. Mode justification: section headings, order and Section total / MTDC lines."""
import csv
import json
import os
import re
import sys

MODE = sys.argv[1]
E = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected.json")))
HEADINGS = ["A. Senior personnel", "B. Other personnel", "C. Fringe benefits", "D. Equipment", "E. Travel",
            "F. Participant support costs", "G. Other direct costs", "H. Total direct costs", "I. Indirect costs", "J. Total request"]


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


def money_line(label, v):
    return f"{label}: Year 1 ${v[0]:,} | Year 2 ${v[1]:,} | Year 3 ${v[2]:,} | Total ${v[3]:,}"


if MODE == "summary":
    path = "budget/summary.csv"
    try:
        rows = [r for r in csv.reader(open(path, newline="", encoding="utf-8")) if r]
    except FileNotFoundError:
        verdict(False, "missing", path, f"{path} does not exist")
    want = [["category", "year_1", "year_2", "year_3", "total"]] + [[r[0]] + [str(x) for x in r[1:]] for r in E["rows"]]
    got = [[c.strip() for c in r] for r in rows]
    if len(got) != len(want):
        verdict(False, [r[0] for r in got], [r[0] for r in want], "summary must have the header and exactly the ten category rows")
    for g, w in zip(got, want):
        if g != w:
            verdict(False, g, w, f"row {w[0]} differs")
    verdict(True, "10 rows", "10 rows", "summary matches the budget rules")

path = "proposal/budget-justification.md"
try:
    text = open(path, encoding="utf-8").read()
except FileNotFoundError:
    verdict(False, "missing", path, f"{path} does not exist")
heads = [h.strip() for h in re.findall(r"^## +(.+)$", text, re.M)]
if heads != HEADINGS:
    verdict(False, heads, HEADINGS, "section headings must be exactly A-J in order")
sections = re.split(r"^## +.+$", text, flags=re.M)[1:]
for head, body, row in zip(HEADINGS, sections, E["rows"]):
    totals = [ln.strip() for ln in body.splitlines() if ln.strip().startswith("Section total:")]
    want = money_line("Section total", row[1:])
    if totals != [want]:
        verdict(False, totals, [want], f"{head}: needs exactly one Section total line with the right figures")
    prose = [ln for ln in body.splitlines() if ln.strip() and not ln.strip().startswith(("Section total:", "MTDC base:"))]
    if not prose:
        verdict(False, "no prose", "an explanation", f"{head}: the figures must be explained")
mt = [ln.strip() for ln in sections[8].splitlines() if ln.strip().startswith("MTDC base:")]
want = money_line("MTDC base", E["mtdc"])
if mt != [want]:
    verdict(False, mt, [want], "I. Indirect costs needs the MTDC base line")
verdict(True, "A-J", "A-J", "justification figures match the rules")
