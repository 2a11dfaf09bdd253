"""CHANGELOG.md: the first release section is 3.0.0 dated 2024-07-02, directly above 2.3.1, with
exactly the expected subsections (in order) and bullets (in order)."""
import json
import os
import re
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
want = json.load(open(os.path.join(CHECKS, "expected_section.json"), encoding="utf-8"))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}, ensure_ascii=False))
    sys.exit(0 if passed else 1)


try:
    text = open("CHANGELOG.md", encoding="utf-8").read()
except FileNotFoundError:
    verdict(False, "missing", "CHANGELOG.md", "CHANGELOG.md was removed")
heads = [m for m in re.finditer(r"^## .*$", text, re.M)]
if len(heads) < 2 or heads[0].group(0).rstrip() != "## [3.0.0] - 2024-07-02":
    verdict(False, heads[0].group(0) if heads else None, "## [3.0.0] - 2024-07-02", "the first section is not the 3.0.0 release")
if not heads[1].group(0).startswith("## [2.3.1]"):
    verdict(False, heads[1].group(0), "## [2.3.1] - 2024-04-18", "the 3.0.0 section is not directly above 2.3.1")
body = text[heads[0].end():heads[1].start()]
got, stray = [], []
for line in body.splitlines():
    s = line.rstrip()
    if not s:
        continue
    if s.startswith("### "):
        got.append([s[4:].strip(), []])
    elif s.startswith("- ") and got:
        got[-1][1].append(re.sub(r"\s+", " ", s))
    else:
        stray.append(s)
if stray:
    verdict(False, stray[:3], "only ### headings and - bullets", "the section has lines that are neither subsection headings nor bullets")
if [h for h, _ in got] != [h for h, _ in want]:
    verdict(False, [h for h, _ in got], [h for h, _ in want], "subsections missing, extra or out of order")
for (h, gb), (_, wb) in zip(got, want):
    if gb != wb:
        verdict(False, {h: gb}, {h: wb}, f"the bullets of ### {h} are not exactly the expected ones in the expected order")
verdict(True, [h for h, _ in got], [h for h, _ in want], "3.0.0 section assembled as documented")
