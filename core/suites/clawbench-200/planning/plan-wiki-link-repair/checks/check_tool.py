"""The repaired tools/check_links.py runs on a hidden wiki (same-page anchors, a broken
same-page anchor, a missing page, a fenced example) and reports exactly its broken links in
the original output format."""
import json
import os
import subprocess
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


if not os.path.isfile("tools/check_links.py"):
    verdict(False, "missing", "tools/check_links.py", "the link checker was removed")
want = open(os.path.join(CHECKS, "fixture_expected.txt"), encoding="utf-8").read().strip().splitlines()
try:
    proc = subprocess.run([sys.executable, "tools/check_links.py", os.path.join(CHECKS, "fixture_wiki")],
                          capture_output=True, text=True, timeout=30)
except subprocess.TimeoutExpired:
    verdict(False, "timed out", want, "the checker hangs")
if proc.returncode not in (0, 1) or "Traceback" in proc.stderr:
    verdict(False, (proc.stderr.strip().splitlines() or ["exit %d" % proc.returncode])[-1], want, "the checker still crashes")
got = [line.strip() for line in proc.stdout.strip().splitlines()]
if sorted(got) != sorted(want):
    verdict(False, got, want, "the checker does not report exactly the broken links of the hidden wiki")
if proc.returncode != 1:
    verdict(False, f"exit {proc.returncode}", "exit 1", "the checker must still exit 1 when links are broken")
verdict(True, got[-1], want[-1], "checker handles same-page anchors")
