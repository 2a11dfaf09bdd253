"""The project's tests pass, load the TOML fixture, and the production file loads through the
workspace's own loader with the expected values (what the container's health check runs)."""
import os
import re
import subprocess
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, CHECKS)
from _common import verdict  # noqa: E402

if not os.path.isfile("tests/fixtures/settings.toml"):
    verdict(False, "missing", "tests/fixtures/settings.toml", "the test fixture must be converted to TOML")
if "settings.toml" not in open("tests/test_config.py", encoding="utf-8").read():
    verdict(False, "tests/test_config.py", "uses settings.toml", "the tests must load the TOML fixture")
env = dict(os.environ, PYTHONPATH=os.path.abspath("src"), PYTHONDONTWRITEBYTECODE="1")
env.pop("MAILRELAY_SMTP_PASSWORD", None)
proc = subprocess.run([sys.executable, "-m", "unittest", "discover", "-s", "tests", "-v"], capture_output=True, text=True, timeout=120, env=env)
ran = re.search(r"^Ran (\d+) tests?", proc.stderr, re.M)
if proc.returncode != 0 or not ran or int(ran.group(1)) < 2:
    failed = re.findall(r"^(?:FAIL|ERROR): (\S+)", proc.stderr, re.M)
    verdict(False, {"failed": failed[:6] or proc.stderr.strip().splitlines()[-3:]}, "all pass", "the project's tests fail")
proc = subprocess.run([sys.executable, "-m", "mailrelay.config", "config/settings.toml"], capture_output=True, text=True, timeout=60, env=env)
want = "OK: smtp.eu.mailgun.example:587, 4 workers, queue redis"
if proc.returncode != 0 or proc.stdout.strip() != want:
    verdict(False, (proc.stdout + proc.stderr).strip()[-200:], want, "python3 -m mailrelay.config config/settings.toml must succeed")
probe = ("from mailrelay.config import load_settings; s = load_settings(env={}); "
         "print(repr((s.smtp.password, s.smtp.timeout_seconds, s.queue.retry_backoff, s.limits.allowed_domains, s.server.debug)))")
proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, env=env)
want = repr(("Zk8%qW2!mP", 12.5, (2, 4, 8, 16, 32), ("lumen.example", "lumen-mail.example"), False))
if proc.stdout.strip() != want:
    verdict(False, (proc.stdout + proc.stderr).strip()[-200:], want, "load_settings() with the default path does not give the production values")
verdict(True, f"{ran.group(1)} tests pass", "all pass", "tests pass and the production settings load")
