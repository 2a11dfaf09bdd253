"""CHANGELOG.md has the 2.3.2 section right below an empty [Unreleased], with exactly the
expected subsections and bullets (oldest first), above the 2.3.1 section."""
import json
import re
import sys

EXPECTED = [
    ("### Changed", ["- **build:** cache parsed front matter between pages (71f9b04)"]),
    ("### Fixed", [
        "- **links:** keep query strings when rewriting relative links (3e9d2b1)",
        "- **cli:** --drafts flag was ignored when --output was given (2d6e5a1)",
        "- **render:** escape ampersands in page titles (9b3c1d7)",
    ]),
]


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


try:
    text = open("CHANGELOG.md", encoding="utf-8").read()
except FileNotFoundError:
    verdict(False, "missing", "present", "CHANGELOG.md was removed")
headings = re.findall(r"^## .*$", text, re.M)
want_heads = ["## [Unreleased]", "## [2.3.2] - 2024-06-14", "## [2.3.1] - 2024-05-02"]
if [h.rstrip() for h in headings[:3]] != want_heads:
    verdict(False, headings[:3], want_heads, "expected [Unreleased], then [2.3.2] - 2024-06-14, then [2.3.1]")
parts = re.split(r"^## .*$\n?", text, flags=re.M)
unreleased, section = parts[1], parts[2]
if unreleased.strip():
    verdict(False, unreleased.strip()[:120], "", "[Unreleased] must stay empty")
got, current = [], None
for line in section.splitlines():
    line = line.rstrip()
    if not line:
        continue
    if line.startswith("### "):
        current = (line, [])
        got.append(current)
    elif current is not None and line.startswith("- "):
        current[1].append(line)
    else:
        verdict(False, line, "subsection headings and bullets only", "unexpected line in the 2.3.2 section")
want = [(h, b) for h, b in EXPECTED]
if [g[0] for g in got] != [w[0] for w in want]:
    verdict(False, [g[0] for g in got], [w[0] for w in want], "wrong subsections (or order) in 2.3.2")
for (h, bullets), (_, wb) in zip(got, want):
    if bullets != wb:
        verdict(False, {h: bullets}, {h: wb}, f"wrong bullets under {h} (copied descriptions, oldest first)")
verdict(True, want_heads[1], want_heads[1], "2.3.2 section is exactly right")
