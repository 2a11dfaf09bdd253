"""docs/data-dictionary.md documents the four tables (no view) in schema order with exact rows, types, required flags and descriptions."""
import json
import os
import re
import sys

PATH = "docs/data-dictionary.md"
exp = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected.json"), encoding="utf-8"))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}, ensure_ascii=False))
    sys.exit(0 if passed else 1)


try:
    text = open(PATH, encoding="utf-8").read()
except FileNotFoundError:
    verdict(False, "missing", PATH, f"{PATH} does not exist")
parts = re.split(r"^## +", text, flags=re.M)
tables = {}
order = []
for part in parts[1:]:
    lines = part.splitlines()
    name = lines[0].strip()
    order.append(name)
    rows_m = re.search(r"^Rows: *(\d+) *$", part, re.M)
    cols = []
    for ln in lines[1:]:
        ln = ln.strip()
        if ln.startswith("|") and not re.match(r"^\|[\s:|-]+\|$", ln):
            cells = [c.strip() for c in ln.strip("|").split("|")]
            if cells[:2] != ["Column", "Type"]:
                cols.append(cells)
    tables[name] = (int(rows_m.group(1)) if rows_m else None, cols)
want_order = list(exp["tables"])
if order != want_order:
    verdict(False, order, want_order, "sections must be exactly the four tables in schema order (no views)")
for t in want_order:
    rows, cols = tables[t]
    if rows != exp["rows"][t]:
        verdict(False, {t: rows}, {t: exp["rows"][t]}, f"{t}: Rows must be the published row count after seed.sql's deletions")
    if cols != exp["tables"][t]:
        diff = next(((g, e) for g, e in zip(cols, exp["tables"][t]) if g != e), (cols, exp["tables"][t]))
        verdict(False, diff[0], diff[1], f"{t}: column table differs")
verdict(True, order, want_order, "dictionary matches schema, data and notes")
