"""The repaired tools/stylelint.py follows styleguide/README.md on pages it has not seen:
tilde and indented fences, inline code, disabled rules, several matches per line."""
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


if not os.path.isfile("tools/stylelint.py"):
    verdict(False, "missing", "tools/stylelint.py", "the linter is gone")
want = json.load(open(os.path.join(CHECKS, "fixture_expected.json")))["rows"]
tmp = tempfile.mkdtemp(prefix="cb-lint-")
try:
    docs = os.path.join(tmp, "docs")
    shutil.copytree(os.path.join(CHECKS, "fixture_docs"), docs)
    out = os.path.join(tmp, "out.csv")
    try:
        p = subprocess.run([sys.executable, os.path.abspath("tools/stylelint.py"), docs, "--rules",
                            os.path.join(CHECKS, "rules.yaml"), "--csv", out],
                           capture_output=True, text=True, timeout=60, cwd=tmp)
    except subprocess.TimeoutExpired:
        verdict(False, "timeout", "exit 0", "linter ran past 60 s")
    if p.returncode != 0 or not os.path.isfile(out):
        verdict(False, f"exit {p.returncode}", "exit 0 and a CSV", (p.stderr.strip().splitlines() or ["no CSV written"])[-1])
    with open(out, newline="", encoding="utf-8") as fh:
        got = [{k: (v or "").strip() for k, v in r.items()} for r in csv.DictReader(fh)]
    if len(got) != len(want):
        verdict(False, [f"{r.get('file')}:{r.get('line')} {r.get('rule')} {r.get('match')}" for r in got],
                [f"{r['file']}:{r['line']} {r['rule']} {r['match']}" for r in want], f"{len(got)} findings, expected {len(want)}")
    for g, w in zip(got, want):
        if g != w:
            verdict(False, g, w, "finding differs")
    verdict(True, f"{len(got)} findings", f"{len(want)} findings", "linter follows the README on unseen pages")
finally:
    shutil.rmtree(tmp, ignore_errors=True)
