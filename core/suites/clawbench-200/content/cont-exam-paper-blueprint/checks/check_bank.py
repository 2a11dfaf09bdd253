"""bank/questions.csv: last_used is 2024-autumn exactly for the paper's questions; nothing else changed."""
import csv
import json
import os
import sys

PATH = "bank/questions.csv"


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


checks = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__))
want = list(csv.reader(open(os.path.join(checks, "expected_bank.csv"), newline="", encoding="utf-8")))
if not os.path.isfile(PATH):
    verdict(False, "missing", PATH, "the question bank is gone")
with open(PATH, newline="", encoding="utf-8") as fh:
    got = [r for r in csv.reader(fh) if r]
if got[:1] != want[:1] or len(got) != len(want):
    verdict(False, f"{len(got)} lines, header {got[:1]}", f"{len(want)} lines, header {want[:1]}", "the bank's shape changed")
for g, w in zip(got[1:], want[1:]):
    if g != w:
        diff = {want[0][i]: g[i] if i < len(g) else None for i in range(len(w)) if i >= len(g) or g[i] != w[i]}
        verdict(False, {w[0]: diff}, {w[0]: {k: w[want[0].index(k)] for k in diff}}, "bank row differs: only last_used of the used questions may change")
verdict(True, "bank updated", "bank updated", "last_used recorded for the 20 questions, rest unchanged")
