"""PIL-017's dose table and warnings match the current formulary entry, written by the style guide."""
import json
import os
import re
import sys

PATH = "leaflets/PIL-017-febrelin-children.md"
HEADER = ["Age", "Weight", "How much", "How often"]


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


exp = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected_leaflet.json")))
if not os.path.isfile(PATH):
    verdict(False, "missing", PATH, f"{PATH} does not exist")
text = open(PATH, encoding="utf-8").read()


def section(title):
    m = re.search(rf"^## {re.escape(title)}[ \t]*\n(.*?)(?=^## |^---[ \t]*$|\Z)", text, re.M | re.S)
    if not m:
        verdict(False, "no section", f"## {title}", f"the '{title}' section is missing")
    return m.group(1)


lines = [ln.strip() for ln in section("How much to give").splitlines() if ln.strip().startswith("|")]
cells = [[c.strip() for c in ln.strip("|").split("|")] for ln in lines]
if not cells or cells[0] != HEADER:
    verdict(False, cells[0] if cells else None, HEADER, "the dose table header changed")
body = [c for c in cells[1:] if not all(re.fullmatch(r":?-{3,}:?", x) for x in c)]
if len(body) != len(exp["rows"]):
    verdict(False, [c[0] for c in body], [r[0] for r in exp["rows"]], f"{len(body)} dose bands, expected {len(exp['rows'])}")
for got, want in zip(body, exp["rows"]):
    if got != want:
        verdict(False, got, want, "dose row differs from the formulary/style guide")
warns = [ln.strip()[2:].strip() for ln in section("Warnings").splitlines() if ln.strip().startswith("- ")]
if warns != exp["warnings"]:
    verdict(False, warns, exp["warnings"], "warnings must be the formulary's leaflet_text bullets, in formulary order")
verdict(True, f"{len(body)} bands, {len(warns)} warnings", f"{len(exp['rows'])} bands, {len(exp['warnings'])} warnings", "dose table and warnings current")
