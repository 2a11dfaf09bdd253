"""A logrotate config under etc/logrotate.d/ parses and has exactly the expected blocks:
same log paths, the expected set of directives (order free) and the same scripts.

    check_conf.py NAME [NAME...]
"""
import importlib.util
import json
import os
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
spec = importlib.util.spec_from_file_location("lrparse", os.path.join(CHECKS, "lrparse.py"))
lrparse = importlib.util.module_from_spec(spec)
spec.loader.exec_module(lrparse)
EXP = json.load(open(os.path.join(CHECKS, "expected.json")))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


for name in sys.argv[1:]:
    path = f"etc/logrotate.d/{name}"
    try:
        blocks = lrparse.parse(open(path).read())
    except FileNotFoundError:
        verdict(False, "missing", path, f"{path} is missing")
    except ValueError as e:
        verdict(False, str(e), "parses", f"{path} does not parse: {e}")
    want = EXP["blocks"][name]
    if len(blocks) != len(want):
        verdict(False, len(blocks), len(want), f"{path}: wrong number of blocks")
    for got, exp in zip(blocks, want):
        if got["paths"] != exp["paths"]:
            verdict(False, got["paths"], exp["paths"], f"{path}: log paths changed")
        if got["directives"] != exp["directives"]:
            g, e = got["directives"], exp["directives"]
            diff = {k: (g.get(k), e.get(k)) for k in sorted(set(g) | set(e)) if g.get(k) != e.get(k)}
            verdict(False, {k: v[0] for k, v in diff.items()}, {k: v[1] for k, v in diff.items()}, f"{path}: directives differ")
        if [(k, [" ".join(l.split()) for l in v]) for k, v in sorted(got["scripts"].items())] != \
           [(k, [" ".join(l.split()) for l in v]) for k, v in sorted(exp["scripts"].items())]:
            verdict(False, got["scripts"], exp["scripts"], f"{path}: scripts changed")
verdict(True, sys.argv[1:], sys.argv[1:], "configs as expected")
