"""Retry policy for carrier API calls (rules: docs/retry-policy.md)."""
import random
import time
from dataclasses import dataclass

RETRY_STATUSES = {429, 500, 502, 503, 504}


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int = 5        # total attempts, the first one included
    base_delay: float = 0.5      # seconds
    max_delay: float = 30.0      # cap for one wait, seconds

    def backoff(self, retry_number, rng=random):
        """Wait before retry number `retry_number` (1 = the first retry)."""
        return min(self.max_delay, rng.uniform(0, self.base_delay * 2 ** retry_number))


def should_retry(method, status=None, exc=None):
    """Whether a failed attempt may be retried."""
    if exc is not None:
        return isinstance(exc, (ConnectionError, TimeoutError))
    return status in RETRY_STATUSES


def retry_after_seconds(value, now):
    """Seconds to wait from a Retry-After header."""
    if value is None:
        return None
    return float(value)


def call_with_retry(send, method, policy=RetryPolicy(), sleep=time.sleep, rng=random, clock=time.time):
    """Call send() until it succeeds or the policy gives up. send() returns an object with
    .status and .headers (dict) or raises. Returns the last response, or re-raises the last
    exception."""
    for attempt in range(1, policy.max_attempts + 2):
        try:
            response = send()
        except Exception as exc:  # noqa: BLE001 - decided by should_retry
            if attempt > policy.max_attempts or not should_retry(method, exc=exc):
                raise
            sleep(policy.backoff(attempt, rng))
            continue
        if response.status < 400 or attempt > policy.max_attempts or not should_retry(method, status=response.status):
            return response
        wait = retry_after_seconds((response.headers or {}).get("Retry-After"), clock())
        if wait is None:
            wait = policy.backoff(attempt, rng)
        sleep(wait)
    return response
