"""requirements.txt, requirements-dev.txt and constraints.txt hold exactly the expected pins,
with names, extras, comments and order kept."""
import json
import os
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
want = json.load(open(os.path.join(CHECKS, "expected_pins.json")))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


for path, lines in want.items():
    try:
        got = [l.rstrip() for l in open(path, encoding="utf-8").read().splitlines()]
    except FileNotFoundError:
        verdict(False, "missing", path, f"{path} was removed")
    while got and not got[-1]:
        got.pop()
    if got != lines:
        diff = [(g, w) for g, w in zip(got, lines) if g != w] or [(len(got), len(lines))]
        verdict(False, [d[0] for d in diff][:4], [d[1] for d in diff][:4], f"{path} does not hold the expected pins")
verdict(True, "3 files", "3 files", "all pins as expected")
