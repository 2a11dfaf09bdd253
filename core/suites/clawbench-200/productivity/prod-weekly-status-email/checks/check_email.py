"""status/2024-09-20.md: the four list sections have the right headings (counts) and exactly the
right bullets, in issue-number order; scope lines are right."""
import json
import os
import re
import sys

PATH = "status/2024-09-20.md"


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


exp = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected_status.json")))
if not os.path.isfile(PATH):
    verdict(False, "missing", PATH, f"{PATH} does not exist")
text = open(PATH, encoding="utf-8").read()
norm = lambda s: re.sub(r"\s+", " ", s.strip())
sections = {}
current = None
for ln in text.splitlines():
    if ln.startswith("## "):
        current = norm(ln)
        sections[current] = []
    elif current and ln.strip().startswith("- "):
        sections[current].append(norm(ln))
for head, (name, bullets) in zip(exp["heads"], exp["sections"].items()):
    match = [h for h in sections if h.split(" (")[0] == head.split(" (")[0]]
    if not match:
        verdict(False, sorted(sections), head, f"section '{head.split(' (')[0]}' is missing")
    if match[0] != head:
        verdict(False, match[0], head, f"{name}: heading counts differ")
    if sections[match[0]] != bullets:
        verdict(False, sections[match[0]], bullets, f"{name}: bullets differ (which issues, order, summary, assignee, due, ', new')")
if not re.search(r"^Added: MER-143, MER-144\s*$", text, re.M) or not re.search(r"^Removed: MER-129\s*$", text, re.M):
    verdict(False, re.findall(r"^(?:Added|Removed):.*$", text, re.M), ["Added: MER-143, MER-144", "Removed: MER-129"], "scope-change lines differ")
verdict(True, "sections ok", "sections ok", "status email matches the tracker")
