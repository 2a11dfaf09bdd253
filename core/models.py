"""Model access through litellm: one place for retries, usage and cost, and the scripted
provider that lets tests and demos drive the real agent loop with no network."""
from __future__ import annotations

import os
import random
import time
from typing import Any

# litellm fetches a price list from the internet at import unless told not to; we never want that.
os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")

_litellm = None


def litellm():
    """Import litellm lazily (it takes seconds) and register our scripted provider once."""
    global _litellm
    if _litellm is None:
        import litellm as lib

        lib.suppress_debug_info = True
        lib.drop_params = True
        from .scripted import register

        register(lib)
        _litellm = lib
    return _litellm


class ModelError(RuntimeError):
    """A model call failed for good (after retries, or with an error retrying cannot fix)."""


def _retryable() -> tuple[type[BaseException], ...]:
    lib = litellm()
    names = ("RateLimitError", "APIConnectionError", "Timeout", "ServiceUnavailableError",
             "InternalServerError", "APIError")
    return tuple(getattr(lib, n) for n in names if hasattr(lib, n))


def completion_with_retry(*, model: str, messages: list[dict], tools: list[dict] | None = None,
                          retries: int = 4, backoff_s: float = 1.0, timeout: float = 300.0,
                          on_retry=None, **kwargs: Any):
    """litellm.completion with exponential backoff (and jitter) on transient errors."""
    lib = litellm()
    transient = _retryable()
    args = dict(model=model, messages=messages, timeout=timeout, **kwargs)
    if tools:
        args["tools"] = tools
    for attempt in range(retries + 1):
        try:
            return lib.completion(**args)
        except transient as e:
            if attempt == retries:
                raise ModelError(f"{model}: {type(e).__name__} after {retries + 1} attempts: {e}") from e
            delay = backoff_s * (2 ** attempt) * (1 + random.random() / 4)
            if on_retry:
                on_retry(attempt + 1, e, delay)
            time.sleep(delay)
        except Exception as e:
            raise ModelError(f"{model}: {type(e).__name__}: {e}") from e


def usage_of(response, model: str) -> dict[str, Any]:
    """Tokens and cost as the harness saw them (litellm usage), never an agent's own report."""
    usage = getattr(response, "usage", None)
    tokens_in = int(getattr(usage, "prompt_tokens", 0) or 0)
    tokens_out = int(getattr(usage, "completion_tokens", 0) or 0)
    cost = 0.0
    if not model.startswith("scripted/"):
        try:
            cost = float(litellm().completion_cost(completion_response=response) or 0.0)
        except Exception:  # unknown price (local models): cost stays 0, tokens still count
            cost = 0.0
    return {"tokens_in": tokens_in, "tokens_out": tokens_out, "cost": cost}
