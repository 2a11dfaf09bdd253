"""Each dish on the menu shows the allergen lines derived from the active ingredient records."""
import json
import os
import re
import sys

PATH = "menu/autumn-menu.md"


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}, ensure_ascii=False))
    sys.exit(0 if passed else 1)


exp = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected.json"), encoding="utf-8"))
try:
    text = open(PATH, encoding="utf-8").read()
except FileNotFoundError:
    verdict(False, "missing", PATH, f"{PATH} does not exist")
sections = re.split(r"^### ", text, flags=re.M)[1:]
found = {}
for s in sections:
    body = re.split(r"^(?:## |---)", s, flags=re.M)[0]
    lines = [ln.strip() for ln in body.strip().splitlines() if ln.strip()]
    name = re.sub(r"\s+-\s+£[\d.]+$", "", lines[0])
    found[name] = lines[1:]
if list(found) != list(exp):
    verdict(False, list(found), list(exp), "the menu's dishes (names, order) changed")
for name, (c, m) in exp.items():
    want = ["Allergens: " + (", ".join(c) if c else "none")] + (["May contain: " + ", ".join(m)] if m else [])
    got = [ln for ln in found[name] if ln.startswith(("Allergens:", "May contain:"))]
    if got != want:
        verdict(False, got, want, f"{name}: wrong allergen lines")
    if len(found[name]) != 1 + len(want):
        verdict(False, found[name], "description + allergen lines", f"{name}: unexpected extra or missing lines")
verdict(True, len(exp), len(exp), "every dish's allergen lines match")
