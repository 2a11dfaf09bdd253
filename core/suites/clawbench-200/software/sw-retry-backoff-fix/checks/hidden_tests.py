"""Hidden tests of docs/retry-policy.md against the workspace's courierkit.retry."""
import unittest

from courierkit.retry import RetryPolicy, call_with_retry, retry_after_seconds, should_retry


class R:
    def __init__(self, status, headers=None):
        self.status, self.headers = status, headers or {}


class Seq:
    def __init__(self, *outcomes):
        self.outcomes, self.calls = list(outcomes), 0

    def __call__(self):
        self.calls += 1
        out = self.outcomes.pop(0) if len(self.outcomes) > 1 else self.outcomes[0]
        if isinstance(out, Exception):
            raise out
        return out


class Top:
    def uniform(self, a, b):
        return b


class Half:
    def uniform(self, a, b):
        return a + (b - a) / 2


class AttemptsTest(unittest.TestCase):
    def test_total_attempts(self):
        for n in (1, 2, 4, 5):
            send, sleeps = Seq(R(503)), []
            self.assertEqual(call_with_retry(send, "GET", RetryPolicy(max_attempts=n), sleep=sleeps.append, rng=Top()).status, 503)
            self.assertEqual(send.calls, n)
            self.assertEqual(len(sleeps), n - 1)

    def test_exception_exhausted_reraises(self):
        send, sleeps = Seq(ConnectionResetError("reset")), []
        with self.assertRaises(ConnectionError):
            call_with_retry(send, "POST", RetryPolicy(max_attempts=3), sleep=sleeps.append, rng=Top())
        self.assertEqual((send.calls, sleeps), (3, [0.5, 1.0]))

    def test_timeout_then_ok(self):
        send, sleeps = Seq(TimeoutError(), TimeoutError(), R(201)), []
        self.assertEqual(call_with_retry(send, "POST", sleep=sleeps.append, rng=Half()).status, 201)
        self.assertEqual(sleeps, [0.25, 0.5])


class WhatIsRetriedTest(unittest.TestCase):
    def test_statuses(self):
        for method in ("GET", "POST", "PATCH", "delete"):
            for status in (429, 502, 503, 504):
                self.assertTrue(should_retry(method, status=status), (method, status))
            for status in (400, 401, 403, 404, 409, 422, 501):
                self.assertFalse(should_retry(method, status=status), (method, status))
        for method in ("GET", "HEAD", "PUT", "DELETE", "OPTIONS", "get"):
            self.assertTrue(should_retry(method, status=500), method)
        for method in ("POST", "PATCH"):
            self.assertFalse(should_retry(method, status=500), method)

    def test_exceptions(self):
        self.assertTrue(should_retry("POST", exc=ConnectionRefusedError()))
        self.assertTrue(should_retry("GET", exc=TimeoutError()))
        self.assertFalse(should_retry("GET", exc=ValueError()))
        self.assertFalse(should_retry("GET", exc=KeyError("x")))

    def test_post_500_returned(self):
        send, sleeps = Seq(R(500), R(200)), []
        self.assertEqual(call_with_retry(send, "POST", sleep=sleeps.append).status, 500)
        self.assertEqual((send.calls, sleeps), (1, []))

    def test_patch_500_returned_put_retried(self):
        send = Seq(R(500), R(200))
        self.assertEqual(call_with_retry(send, "PATCH", sleep=lambda s: None).status, 500)
        send = Seq(R(500), R(204))
        self.assertEqual(call_with_retry(send, "PUT", sleep=lambda s: None, rng=Top()).status, 204)


class WaitTest(unittest.TestCase):
    def test_backoff_ceiling(self):
        p = RetryPolicy(base_delay=0.5, max_delay=30.0)
        self.assertEqual([p.backoff(n, Top()) for n in range(1, 9)], [0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 30.0, 30.0])
        p = RetryPolicy(base_delay=2.0, max_delay=60.0)
        self.assertEqual([p.backoff(n, Half()) for n in range(1, 7)], [1.0, 2.0, 4.0, 8.0, 16.0, 30.0])

    def test_sleeps_follow_backoff(self):
        send, sleeps = Seq(R(502)), []
        call_with_retry(send, "GET", RetryPolicy(max_attempts=5, base_delay=1.0, max_delay=5.0), sleep=sleeps.append, rng=Top())
        self.assertEqual(sleeps, [1.0, 2.0, 4.0, 5.0])

    def test_retry_after_parsing(self):
        now = 1719410400.0  # 2024-06-26 14:00:00 UTC
        self.assertEqual(retry_after_seconds("7", now), 7.0)
        self.assertEqual(retry_after_seconds(" 0 ", now), 0.0)
        self.assertEqual(retry_after_seconds("Wed, 26 Jun 2024 14:00:45 GMT", now), 45.0)
        self.assertEqual(retry_after_seconds("Wed, 26 Jun 2024 13:59:00 GMT", now), 0.0)
        self.assertIsNone(retry_after_seconds(None, now))
        self.assertIsNone(retry_after_seconds("soon", now))

    def test_retry_after_used_and_capped(self):
        now = 1719410400.0
        send, sleeps = Seq(R(429, {"Retry-After": "Wed, 26 Jun 2024 14:00:20 GMT"}), R(503, {"Retry-After": "90"}),
                           R(503, {"Retry-After": "later"}), R(200)), []
        res = call_with_retry(send, "POST", RetryPolicy(max_delay=60.0), sleep=sleeps.append, rng=Top(), clock=lambda: now)
        self.assertEqual(res.status, 200)
        self.assertEqual(sleeps, [20.0, 60.0, 2.0])


if __name__ == "__main__":
    unittest.main()
