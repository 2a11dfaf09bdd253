"""Every Gallery 4 label block, in wall order, matches the catalogue and the August 2024 style."""
import json
import os
import re
import sys

PATH = "interpretation/gallery4-labels.md"


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}, ensure_ascii=False))
    sys.exit(0 if passed else 1)


expected = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected_labels.json"), encoding="utf-8"))
try:
    text = open(PATH, encoding="utf-8").read()
except FileNotFoundError:
    verdict(False, "missing", PATH, f"{PATH} does not exist")
lines = [ln.rstrip() for ln in text.splitlines()]
blocks, cur = [], None
for ln in lines:
    if ln.startswith("## "):
        cur = [ln]
        blocks.append(cur)
    elif cur is not None:
        if ln == "":
            cur = None
        else:
            cur.append(ln)
got_ids = [b[0][3:].strip() for b in blocks]
want_ids = [b[0][3:] for b in expected]
if got_ids != want_ids:
    verdict(False, got_ids, want_ids, "the label blocks are not exactly the wall_order objects in wall order")
for g, e in zip(blocks, expected):
    if g != e:
        verdict(False, g, e, f"label {e[0][3:]} differs from the catalogue/style guide")
verdict(True, got_ids, want_ids, "all 7 labels match")
