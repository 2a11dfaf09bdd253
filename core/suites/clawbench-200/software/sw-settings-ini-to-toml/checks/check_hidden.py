"""Run the hidden ADR-0012 tests against the workspace's src/ (from a temporary cwd)."""
import os
import re
import subprocess
import sys
import tempfile

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, CHECKS)
from _common import verdict  # noqa: E402

env = dict(os.environ, PYTHONPATH=os.pathsep.join([CHECKS, os.path.abspath("src")]), PYTHONDONTWRITEBYTECODE="1")
env.pop("MAILRELAY_SMTP_PASSWORD", None)
try:
    proc = subprocess.run([sys.executable, "-m", "unittest", "-v", "hidden_tests"], capture_output=True, text=True,
                          timeout=60, env=env, cwd=tempfile.mkdtemp())
except subprocess.TimeoutExpired:
    verdict(False, "timed out", "all pass", "hidden tests took more than 60 s")
failed = re.findall(r"^(?:FAIL|ERROR): (\S+)", proc.stderr, re.M)
if proc.returncode == 0:
    verdict(True, "all passed", "all pass", "the TOML loader follows ADR 0012")
verdict(False, {"failed": failed[:8] or proc.stderr.strip().splitlines()[-3:]}, "all pass", f"{len(failed)} hidden test(s) fail")
