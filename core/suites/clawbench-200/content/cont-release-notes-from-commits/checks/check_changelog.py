"""The 3.0.0 section of CHANGELOG.md has exactly the expected sections and bullets, in order."""
import json
import os
import re
import sys

PATH = "CHANGELOG.md"


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


exp = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected_release.json")))["sections"]
try:
    text = open(PATH, encoding="utf-8").read()
except FileNotFoundError:
    verdict(False, "missing", PATH, "CHANGELOG.md is gone")
m = re.search(r"^## \[3\.0\.0\] - 2024-09-30[ \t]*\n(.*?)(?=^## \[)", text, re.M | re.S)
if not m:
    verdict(False, "no section", "## [3.0.0] - 2024-09-30", "no '## [3.0.0] - 2024-09-30' section followed by the older releases")
got, current = [], None
for line in m.group(1).splitlines():
    s = line.rstrip()
    if s.startswith("### "):
        current = [s[4:].strip(), []]
        got.append(current)
    elif s.startswith("- "):
        if current is None:
            verdict(False, s, "a ### heading first", "bullet outside a section")
        current[1].append(re.sub(r"\s+", " ", s))
    elif s.strip() and not s.startswith("  "):
        verdict(False, s, "headings and bullets only", "unexpected text in the 3.0.0 section")
    elif s.startswith("  ") and current and current[1]:
        current[1][-1] += " " + s.strip()
if [g[0] for g in got] != [e[0] for e in exp]:
    verdict(False, [g[0] for g in got], [e[0] for e in exp], "sections (or their order) differ")
for (name, bullets), (_, want) in zip(got, exp):
    if len(bullets) != len(want):
        verdict(False, {name: len(bullets)}, {name: len(want)}, f"wrong number of entries under {name}")
    for b, w in zip(bullets, want):
        if b != w:
            verdict(False, b, w, f"entry under {name} differs (text, order by PR, scope, handle)")
verdict(True, {g[0]: len(g[1]) for g in got}, {e[0]: len(e[1]) for e in exp}, "3.0.0 entry matches the release rules")
