"""roadmap/README.md: only the Last rollup line changed, and it agrees with the rollup JSON."""
import json
import re
import sys

ORIGINAL_LINE = "Last rollup: 2024-06-14 (24 initiatives, 5 at risk)"


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


try:
    text = open("roadmap/README.md", encoding="utf-8").read()
    doc = json.load(open("roadmap/rollup-2024-07-15.json", encoding="utf-8"))
except FileNotFoundError as e:
    verdict(False, "missing", "present", f"{e.filename} does not exist")
except json.JSONDecodeError as e:
    verdict(False, "invalid JSON", "valid JSON", str(e))
lines = [l for l in text.splitlines() if l.startswith("Last rollup:")]
if len(lines) != 1:
    verdict(False, lines, "one Last rollup line", "README must have exactly one Last rollup line")
m = re.fullmatch(r"Last rollup: (\d{4}-\d\d-\d\d) \((\d+) initiatives, (\d+) at risk\)\s*", lines[0])
if not m:
    verdict(False, lines[0], "Last rollup: YYYY-MM-DD (N initiatives, M at risk)", "the line lost its format")
try:
    want = ("2024-07-15", doc["totals"]["total"], len(doc["at_risk"]))
except (KeyError, TypeError):
    verdict(False, "malformed rollup", "totals.total and at_risk", "the rollup JSON lacks totals.total or at_risk")
got = (m.group(1), int(m.group(2)), int(m.group(3)))
if got != want:
    verdict(False, list(got), list(want), "README's Last rollup line disagrees with the rollup JSON")
rest_now = text.replace(lines[0], ORIGINAL_LINE)
import os
orig = open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "README.orig.md"), encoding="utf-8").read()
if rest_now.strip() != orig.strip():
    verdict(False, "other lines changed", "only the Last rollup line", "README.md changed beyond the Last rollup line")
verdict(True, lines[0], "consistent", "README line updated and consistent")
