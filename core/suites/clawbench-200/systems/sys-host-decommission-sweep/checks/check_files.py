"""Compare swept config files with the expected result of the DECOM-57 sweep.

    check_files.py lines PATH...   non-blank lines (trailing spaces ignored) equal, in order
    check_files.py yaml PATH...    parsed YAML documents equal (comments/formatting free)
    check_files.py retain PATH     comment lines unchanged, entries equal as a set
"""
import json
import os
import sys

import yaml

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
EXP = json.load(open(os.path.join(CHECKS, "expected.json")))["solution"]


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


def nonblank(text):
    return [line.rstrip() for line in text.split("\n") if line.strip()]


mode, paths = sys.argv[1], sys.argv[2:]
for path in paths:
    try:
        text = open(path, encoding="utf-8").read()
    except FileNotFoundError:
        verdict(False, "missing", path, f"{path} is missing")
    want = EXP[path]
    if mode == "lines":
        got_l, want_l = nonblank(text), nonblank(want)
        if got_l != want_l:
            extra = [l for l in got_l if l not in want_l]
            missing = [l for l in want_l if l not in got_l]
            verdict(False, {"unexpected": extra[:4], "missing": missing[:4]}, "the swept file",
                    f"{path} differs from the expected sweep" + ("" if extra or missing else " (line order)"))
    elif mode == "yaml":
        try:
            got = yaml.safe_load(text)
        except yaml.YAMLError as e:
            verdict(False, "invalid YAML", "valid YAML", f"{path}: {str(e).splitlines()[0]}")
        if got != yaml.safe_load(want):
            verdict(False, got, yaml.safe_load(want), f"{path}: target groups differ from the expected sweep")
    elif mode == "retain":
        got_c = [l for l in nonblank(text) if l.startswith("#")]
        want_c = [l for l in nonblank(want) if l.startswith("#")]
        got_e = sorted(" ".join(l.split()) for l in nonblank(text) if not l.startswith("#"))
        want_e = sorted(l for l in nonblank(want) if not l.startswith("#"))
        if got_c != want_c or got_e != want_e:
            verdict(False, got_e, want_e, f"{path}: entries (or header comments) differ")
verdict(True, paths, paths, "as expected")
