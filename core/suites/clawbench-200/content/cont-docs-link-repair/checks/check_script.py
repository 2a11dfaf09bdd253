"""The repaired scripts/check_links.py reports exactly the broken links of a hidden docs tree
(missing files with anchors, bad anchors, local anchors) in the documented format, ignores
http(s) and mailto links, and exits 1."""
import json
import os
import subprocess
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
EXPECTED = ["a.md:6: b.md#missing-heading", "a.md:7: gone.md#section", "a.md:11: #nope", "sub/c.md:3: ../missing.md"]


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


if not os.path.isfile("scripts/check_links.py"):
    verdict(False, "missing", "scripts/check_links.py", "the link checker is gone")
try:
    proc = subprocess.run([sys.executable, "scripts/check_links.py", os.path.join(CHECKS, "fixture_docs")],
                          capture_output=True, text=True, timeout=60)
except subprocess.TimeoutExpired:
    verdict(False, "timed out", "exit 1", "the checker ran for more than 60 s")
lines = [l.strip() for l in proc.stdout.splitlines() if l.strip()]
if proc.returncode != 1 or lines != EXPECTED:
    last = (proc.stderr.strip().splitlines() or [""])[-1]
    verdict(False, {"exit": proc.returncode, "stdout": lines[:8], "stderr": last}, {"exit": 1, "stdout": EXPECTED},
            "the checker must report exactly the broken links (missing file before anchor check; mailto ignored)")
verdict(True, lines, EXPECTED, "checker reports the hidden tree's broken links correctly")
