import unittest

from courierkit.retry import RetryPolicy, call_with_retry


class Response:
    def __init__(self, status, headers=None):
        self.status, self.headers = status, headers or {}


class Scripted:
    """send() that returns/raises the given outcomes in order."""

    def __init__(self, *outcomes):
        self.outcomes, self.calls = list(outcomes), 0

    def __call__(self):
        self.calls += 1
        out = self.outcomes.pop(0)
        if isinstance(out, Exception):
            raise out
        return out


class RetryTest(unittest.TestCase):
    def test_success_first_time(self):
        send, sleeps = Scripted(Response(200)), []
        self.assertEqual(call_with_retry(send, "GET", sleep=sleeps.append).status, 200)
        self.assertEqual((send.calls, sleeps), (1, []))

    def test_client_error_not_retried(self):
        send, sleeps = Scripted(Response(404)), []
        self.assertEqual(call_with_retry(send, "GET", sleep=sleeps.append).status, 404)
        self.assertEqual(send.calls, 1)

    def test_retries_then_succeeds(self):
        send, sleeps = Scripted(Response(503), Response(200)), []
        self.assertEqual(call_with_retry(send, "GET", RetryPolicy(), sleep=sleeps.append).status, 200)
        self.assertEqual(len(sleeps), 1)


class MaxRNG:
    """rng whose uniform(a, b) returns b, to see the jitter ceiling."""

    def uniform(self, a, b):
        return b


class PolicyRulesTest(unittest.TestCase):
    def test_max_attempts_is_total(self):
        send, sleeps = Scripted(*[Response(503)] * 10), []
        self.assertEqual(call_with_retry(send, "GET", RetryPolicy(max_attempts=5), sleep=sleeps.append).status, 503)
        self.assertEqual((send.calls, len(sleeps)), (5, 4))

    def test_backoff_ceiling_and_cap(self):
        policy = RetryPolicy(base_delay=0.5, max_delay=3.0)
        self.assertEqual([policy.backoff(n, MaxRNG()) for n in range(1, 6)], [0.5, 1.0, 2.0, 3.0, 3.0])

    def test_post_500_not_retried(self):
        send, sleeps = Scripted(Response(500), Response(200)), []
        self.assertEqual(call_with_retry(send, "POST", sleep=sleeps.append).status, 500)
        self.assertEqual(send.calls, 1)

    def test_get_500_retried(self):
        send, sleeps = Scripted(Response(500), Response(200)), []
        self.assertEqual(call_with_retry(send, "GET", sleep=sleeps.append, rng=MaxRNG()).status, 200)
        self.assertEqual(sleeps, [0.5])

    def test_retry_after_http_date(self):
        send, sleeps = Scripted(Response(429, {"Retry-After": "Wed, 26 Jun 2024 14:20:00 GMT"}), Response(200)), []
        now = 1719411588.0  # 2024-06-26 14:19:48 UTC
        call_with_retry(send, "POST", RetryPolicy(), sleep=sleeps.append, clock=lambda: now)
        self.assertEqual(sleeps, [12.0])

    def test_retry_after_capped(self):
        send, sleeps = Scripted(Response(503, {"Retry-After": "120"}), Response(200)), []
        call_with_retry(send, "GET", RetryPolicy(max_delay=30), sleep=sleeps.append)
        self.assertEqual(sleeps, [30])

    def test_other_exceptions_not_retried(self):
        send = Scripted(ValueError("bad"), Response(200))
        with self.assertRaises(ValueError):
            call_with_retry(send, "GET", sleep=lambda s: None)
        self.assertEqual(send.calls, 1)


if __name__ == "__main__":
    unittest.main()
