"""The repaired scripts/l10n_check.py follows l10n/README.md on a project it has not seen
(plural objects as one message, null/empty values, plural categories, same_ok, obsolete)."""
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


script = os.path.abspath("scripts/l10n_check.py")
if not os.path.isfile(script):
    verdict(False, "missing", "scripts/l10n_check.py", "the checker is gone")
want = [list(r) for r in json.load(open(os.path.join(CHECKS, "fixture_expected.json")))]
tmp = tempfile.mkdtemp(prefix="cb-l10n-")
try:
    root = os.path.join(tmp, "proj")
    shutil.copytree(os.path.join(CHECKS, "fixture"), root)
    try:
        p = subprocess.run([sys.executable, script, "--config", "l10n/config.yaml", "--out", "out.csv"],
                           cwd=root, capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        verdict(False, "timeout", "exit 0", "checker ran past 60 s")
    out = os.path.join(root, "out.csv")
    if p.returncode != 0 or not os.path.isfile(out):
        verdict(False, f"exit {p.returncode}", "exit 0 and a report", (p.stderr.strip().splitlines() or ["no report written"])[-1])
    with open(out, newline="", encoding="utf-8") as fh:
        got = [[c.strip() for c in r] for r in csv.reader(fh) if r]
    if got != want:
        g, w = set(map(tuple, got)), set(map(tuple, want))
        verdict(False, {"unexpected": sorted(g - w)[:8]}, {"missing": sorted(w - g)[:8]},
                "report on the hidden project differs (or is not sorted)" if g == w else "report on the hidden project differs from the README's rules")
    verdict(True, f"{len(got) - 1} rows", f"{len(want) - 1} rows", "checker follows the README")
finally:
    shutil.rmtree(tmp, ignore_errors=True)
