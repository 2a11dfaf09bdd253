"""Hidden tests of ADR 0012 (run with cwd = a temp dir, PYTHONPATH = workspace src)."""
import contextlib
import io
import os
import tempfile
import unittest

from mailrelay import config
from mailrelay.config import Settings, load_settings

FULL = """
[server]
host = "10.1.2.3"
port = 2525
workers = 8
debug = true

[smtp]
host = "relay.test"
port = 465
username = "u@test"
password = "a%b%%c(d)"
starttls = false
timeout_seconds = 7

[queue]
backend = "redis"
url = "redis://r:6379/0"
max_retries = 9
retry_backoff = [3, 9]

[limits]
allowed_domains = ["x.test"]
max_recipients = 5
max_message_kb = 100
"""


class Base(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()

    def write(self, text, name="s.toml"):
        path = os.path.join(self.dir, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text)
        return path


class LoadTest(Base):
    def test_full_file(self):
        s = load_settings(self.write(FULL), env={})
        self.assertIsInstance(s, Settings)
        self.assertEqual((s.server.host, s.server.port, s.server.workers, s.server.debug), ("10.1.2.3", 2525, 8, True))
        self.assertEqual((s.smtp.host, s.smtp.port, s.smtp.username, s.smtp.password, s.smtp.starttls),
                         ("relay.test", 465, "u@test", "a%b%%c(d)", False))
        self.assertEqual(s.smtp.timeout_seconds, 7.0)
        self.assertIsInstance(s.smtp.timeout_seconds, float)
        self.assertEqual((s.queue.backend, s.queue.url, s.queue.max_retries, s.queue.retry_backoff), ("redis", "redis://r:6379/0", 9, (3, 9)))
        self.assertEqual((s.limits.allowed_domains, s.limits.max_recipients, s.limits.max_message_kb), (("x.test",), 5, 100))

    def test_defaults(self):
        s = load_settings(self.write('[smtp]\nhost = "only.test"\n'), env={})
        self.assertEqual(s.server, config.ServerSettings())
        self.assertEqual(s.smtp.host, "only.test")
        self.assertEqual(s.queue.retry_backoff, (5, 30, 300))
        self.assertEqual(s.limits.allowed_domains, ())

    def test_env_override(self):
        s = load_settings(self.write(FULL), env={"MAILRELAY_SMTP_PASSWORD": "rotated"})
        self.assertEqual(s.smtp.password, "rotated")
        self.assertEqual(s.smtp.host, "relay.test")

    def test_default_path(self):
        self.write('[server]\nport = 1\n', name="config/settings.toml")
        old = os.getcwd()
        os.chdir(self.dir)
        try:
            self.assertEqual(load_settings(env={}).server.port, 1)
        finally:
            os.chdir(old)


class ErrorTest(Base):
    def test_unknown_table_and_key(self):
        with self.assertRaises(ValueError):
            load_settings(self.write('[smpt]\nhost = "x"\n'), env={})
        with self.assertRaises(ValueError):
            load_settings(self.write('[smtp]\nhostname = "x"\n'), env={})

    def test_wrong_types(self):
        for text, key in [('[smtp]\nport = "587"\n', "smtp.port"), ('[smtp]\nstarttls = "yes"\n', "smtp.starttls"),
                          ('[server]\nport = true\n', "server.port"), ('[queue]\nretry_backoff = [1, "2"]\n', "queue.retry_backoff"),
                          ('[limits]\nallowed_domains = "a.test"\n', "limits.allowed_domains"), ('[smtp]\ntimeout_seconds = "5"\n', "smtp.timeout_seconds")]:
            with self.assertRaisesRegex(ValueError, key.replace(".", r"\."), msg=text):
                load_settings(self.write(text), env={})

    def test_invalid_toml(self):
        with self.assertRaises(ValueError):
            load_settings(self.write('[smtp]\npassword = "unterminated\n'), env={})


class CliTest(Base):
    def test_ok_and_error(self):
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            self.assertEqual(config.main([self.write(FULL)]), 0)
            self.assertEqual(config.main([self.write('[smtp]\nport = "x"\n', name="bad.toml")]), 1)
        self.assertEqual(out.getvalue().strip(), "OK: relay.test:465, 8 workers, queue redis")
        self.assertIn("config error:", err.getvalue())


if __name__ == "__main__":
    unittest.main()
