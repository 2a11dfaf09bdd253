"""The paper has the four section headings and exactly the expected numbered questions, in order."""
import json
import os
import re
import sys

PATH = "exam/y10-chem-autumn-2024-paper.md"
HEADINGS = ["## Section A: Atomic structure (12 marks)", "## Section B: Bonding and structure (15 marks)",
            "## Section C: Quantitative chemistry (18 marks)", "## Section D: Rates of reaction (15 marks)"]


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


want = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected_exam.json")))["lines"]
if not os.path.isfile(PATH):
    verdict(False, "missing", PATH, f"{PATH} does not exist")
text = open(PATH, encoding="utf-8").read()
lines = [re.sub(r"[ \t]+", " ", ln.strip()) for ln in text.splitlines()]
heads = [ln for ln in lines if ln.startswith("## Section")]
if heads != HEADINGS:
    verdict(False, heads, HEADINGS, "section headings differ")
questions = [ln for ln in lines if re.match(r"\*\*\d+\.\*\*", ln)]
if len(questions) != len(want):
    verdict(False, f"{len(questions)} questions", f"{len(want)} questions", "wrong number of questions")
for got, exp in zip(questions, want):
    if got != exp:
        verdict(False, got, exp, "question differs (wrong question, replacement, numbering, text or marks label)")
# each question sits in its section
pos = {ln: i for i, ln in enumerate(lines)}
sec_pos = [lines.index(h) for h in HEADINGS] + [len(lines)]
for k, h in enumerate(HEADINGS):
    inside = [ln for ln in lines[sec_pos[k]:sec_pos[k + 1]] if re.match(r"\*\*\d+\.\*\*", ln)]
    if not inside:
        verdict(False, h, "questions", f"{h} has no questions under it")
if lines[-1:] != ["END OF TEST"] and "END OF TEST" not in lines[-3:]:
    verdict(False, lines[-1:], "END OF TEST", "the paper must end with END OF TEST")
verdict(True, f"{len(questions)} questions", f"{len(want)} questions", "paper matches the rules")
