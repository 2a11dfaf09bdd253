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


if __name__ == "__main__":
    unittest.main()
