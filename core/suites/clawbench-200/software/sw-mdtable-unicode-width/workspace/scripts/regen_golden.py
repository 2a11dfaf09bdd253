#!/usr/bin/env python3
"""Rewrite tests/golden/*.txt from tests/cases.json with the current code. Review the diff!"""
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "src"))
from tabulark import render  # noqa: E402

cases = json.load(open(os.path.join(ROOT, "tests", "cases.json"), encoding="utf-8"))
for name, case in cases.items():
    text = render(case["rows"], case["headers"], style=case["style"], max_col_width=case.get("max_col_width"))
    path = os.path.join(ROOT, "tests", "golden", name + ".txt")
    old = open(path, encoding="utf-8").read() if os.path.exists(path) else None
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)
    print(f"{'unchanged' if old == text else 'UPDATED  '} tests/golden/{name}.txt")
