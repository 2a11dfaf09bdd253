"""File checks for the header audit.

    check_files.py headers    every file that needs a header has exactly the expected content
    check_files.py untouched  exempt and out-of-scope files are byte-for-byte unchanged
    check_files.py report     reports/spdx-audit.csv lists exactly the in-scope files, sorted
"""
import csv
import json
import os
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
EXP = json.load(open(os.path.join(CHECKS, "expected_files.json")))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


def read(path):
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            return fh.read()
    except FileNotFoundError:
        return None


mode = sys.argv[1]
if mode in ("headers", "untouched"):
    paths = EXP["changed"] if mode == "headers" else [p for p in EXP["final"] if p not in EXP["changed"]]
    bad = []
    for p in paths:
        got = read(p)
        if got != EXP["final"][p]:
            first = "missing" if got is None else got.splitlines()[:3]
            bad.append({p: first})
    verdict(not bad, bad[:5] or "as expected", "expected contents", f"{len(bad)} file(s) wrong" if bad else "ok")
if mode == "report":
    try:
        rows = list(csv.reader(open("reports/spdx-audit.csv", newline="")))
    except FileNotFoundError:
        verdict(False, "missing", "reports/spdx-audit.csv", "audit report missing")
    paths = [r[0] for r in rows[1:] if r]
    scope = sorted(p for p in EXP["final"] if ((p.startswith(("src/", "tests/")) and p.endswith(".py")) or p.startswith("scripts/")))
    # files the agent may have created in scope count too
    for base in ("src", "tests", "scripts"):
        for folder, _, names in os.walk(base):
            for n in names:
                p = os.path.join(folder, n)
                if (p.startswith("scripts/") or p.endswith(".py")) and "__pycache__" not in p and p not in scope:
                    scope.append(p)
    scope.sort()
    if paths != scope:
        verdict(False, paths, scope, "the audit must list every in-scope file once, sorted by path")
    verdict(True, len(paths), len(scope), "audit covers the scope")
