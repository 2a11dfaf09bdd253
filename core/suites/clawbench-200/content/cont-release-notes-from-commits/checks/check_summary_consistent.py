"""release/3.0.0.json agrees with the 3.0.0 section of CHANGELOG.md: one entries key per
section with its bullet count, and the PR numbers listed there."""
import json
import re
import sys


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


try:
    summary = json.load(open("release/3.0.0.json", encoding="utf-8"))
    text = open("CHANGELOG.md", encoding="utf-8").read()
except FileNotFoundError as e:
    verdict(False, "missing", e.filename, f"{e.filename} does not exist")
except json.JSONDecodeError as e:
    verdict(False, "invalid JSON", "valid JSON", f"release/3.0.0.json does not parse: {e}")
m = re.search(r"^## \[3\.0\.0\][^\n]*\n(.*?)(?=^## \[)", text, re.M | re.S)
if not m:
    verdict(False, "no 3.0.0 section", "## [3.0.0]", "CHANGELOG.md has no 3.0.0 section")
counts, prs, current = {}, [], None
for line in m.group(1).splitlines():
    if line.startswith("### "):
        current = line[4:].strip()
        counts[current] = 0
    elif line.startswith("- ") and current:
        counts[current] += 1
        prs += [int(n) for n in re.findall(r"\(#(\d+),", line)]
entries = summary.get("entries") if isinstance(summary, dict) else None
if entries != counts:
    verdict(False, entries, counts, "entries must have one key per CHANGELOG section with its number of bullets")
if summary.get("pull_requests") != sorted(prs):
    verdict(False, summary.get("pull_requests"), sorted(prs), "pull_requests must be the PRs listed in the 3.0.0 section, ascending")
verdict(True, entries, counts, "summary agrees with the changelog")
