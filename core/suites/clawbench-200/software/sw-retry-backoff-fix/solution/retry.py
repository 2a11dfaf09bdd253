"""Retry policy for carrier API calls (rules: docs/retry-policy.md)."""
import email.utils
import random
import time
from dataclasses import dataclass

RETRY_STATUSES = {429, 502, 503, 504}
IDEMPOTENT = {"GET", "HEAD", "PUT", "DELETE", "OPTIONS"}


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int = 5        # total attempts, the first one included
    base_delay: float = 0.5      # seconds
    max_delay: float = 30.0      # cap for one wait, seconds

    def backoff(self, retry_number, rng=random):
        """Wait before retry number `retry_number` (1 = the first retry): full jitter,
        uniform between 0 and min(max_delay, base_delay * 2 ** (retry_number - 1))."""
        ceiling = min(self.max_delay, self.base_delay * 2 ** (retry_number - 1))
        return rng.uniform(0, ceiling)


def should_retry(method, status=None, exc=None):
    """Whether a failed attempt may be retried."""
    if exc is not None:
        return isinstance(exc, (ConnectionError, TimeoutError))
    if status in RETRY_STATUSES:
        return True
    return status == 500 and method.upper() in IDEMPOTENT


def retry_after_seconds(value, now):
    """Seconds to wait from a Retry-After header: delta-seconds or an HTTP-date (relative to
    `now`, a Unix timestamp). None when absent or unparseable; never negative."""
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(int(value))
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - now)


def call_with_retry(send, method, policy=RetryPolicy(), sleep=time.sleep, rng=random, clock=time.time):
    """Call send() until it succeeds or the policy gives up. send() returns an object with
    .status and .headers (dict) or raises. Returns the last response, or re-raises the last
    exception."""
    attempt = 0
    while True:
        attempt += 1
        try:
            response = send()
        except Exception as exc:  # noqa: BLE001 - decided by should_retry
            if attempt >= policy.max_attempts or not should_retry(method, exc=exc):
                raise
            sleep(policy.backoff(attempt, rng))
            continue
        if response.status < 400 or attempt >= policy.max_attempts or not should_retry(method, status=response.status):
            return response
        wait = retry_after_seconds((response.headers or {}).get("Retry-After"), clock())
        if wait is None:
            wait = policy.backoff(attempt, rng)
        sleep(min(wait, policy.max_delay))
