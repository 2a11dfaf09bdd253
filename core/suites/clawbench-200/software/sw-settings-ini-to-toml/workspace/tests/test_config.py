import os
import unittest

from mailrelay.config import Settings, load_settings

FIXTURE = os.path.join(os.path.dirname(__file__), "fixtures", "settings.ini")


class LoadSettingsTest(unittest.TestCase):
    def test_values_and_defaults(self):
        s = load_settings(FIXTURE, env={})
        self.assertIsInstance(s, Settings)
        self.assertEqual((s.server.host, s.server.port, s.server.workers, s.server.debug), ("127.0.0.1", 9025, 2, True))
        self.assertEqual((s.smtp.host, s.smtp.port, s.smtp.password), ("mail.test", 587, "p%ss"))
        self.assertEqual(s.smtp.timeout_seconds, 3.0)
        self.assertEqual(s.queue.retry_backoff, (1, 2))
        self.assertEqual(s.limits.allowed_domains, ("a.test", "b.test"))

    def test_password_override(self):
        s = load_settings(FIXTURE, env={"MAILRELAY_SMTP_PASSWORD": "from-env"})
        self.assertEqual(s.smtp.password, "from-env")


if __name__ == "__main__":
    unittest.main()
