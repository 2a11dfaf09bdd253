"""Journal summary checks.

Usage: check_summary.py rows|hidden
  rows:   reports/journal-summary-2024-06-26.csv equals the expected summary (row by row).
  hidden: the fixed scripts/journal_summary.py, run on a hidden export (truncated lines, null
          and byte-array messages, another unit) with a non-UTC local timezone, produces the
          expected CSV.
"""
import csv
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}, ensure_ascii=False))
    sys.exit(0 if passed else 1)


def table(text):
    return [[c.strip() for c in r] for r in csv.reader(io.StringIO(text)) if r]


def compare(got_text, want_text, what):
    got, want = table(got_text), table(want_text)
    if not got or got[0] != want[0]:
        verdict(False, got[0] if got else None, want[0], f"{what}: wrong header")
    if [r[0] for r in got[1:]] != [r[0] for r in want[1:]]:
        verdict(False, [r[0] for r in got[1:]], [r[0] for r in want[1:]], f"{what}: wrong units or order (errors desc, then unit)")
    for g, e in zip(got[1:], want[1:]):
        if g != e:
            verdict(False, g, e, f"{what}: row for {e[0]} differs")
    verdict(True, f"{len(got) - 1} units", f"{len(want) - 1} units", f"{what} matches")


mode = sys.argv[1]
if mode == "rows":
    path = "reports/journal-summary-2024-06-26.csv"
    if not os.path.isfile(path):
        verdict(False, "missing", path, "the summary was not written")
    compare(open(path, encoding="utf-8").read(), open(os.path.join(CHECKS, "expected_summary.csv"), encoding="utf-8").read(), "summary")
elif mode == "hidden":
    if not os.path.isfile("scripts/journal_summary.py"):
        verdict(False, "missing", "scripts/journal_summary.py", "the script is gone")
    tmp = tempfile.mkdtemp(prefix="cb-journal-")
    try:
        out = os.path.join(tmp, "fx.csv")
        env = dict(os.environ, TZ="EST+5")
        try:
            proc = subprocess.run([sys.executable, "scripts/journal_summary.py", os.path.join(CHECKS, "fixture_journal.jsonl"), "-o", out],
                                  capture_output=True, text=True, timeout=60, env=env)
        except subprocess.TimeoutExpired:
            verdict(False, "timed out", "exit 0", "the script ran for more than 60 s")
        if proc.returncode != 0:
            verdict(False, f"exit {proc.returncode}", "exit 0", "script fails on another export: " + (proc.stderr.strip().splitlines() or ["?"])[-1])
        if not os.path.isfile(out):
            verdict(False, "no output", out, "the script ignored -o")
        compare(open(out, encoding="utf-8").read(), open(os.path.join(CHECKS, "fixture_expected.csv"), encoding="utf-8").read(), "hidden export")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
verdict(False, mode, "rows|hidden", "bad argument")
