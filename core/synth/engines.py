"""The two engines behind the same stages: procedural (offline, the default) and LLM-drafted."""
from __future__ import annotations

from .model import Draft
from .routes import WorkItem


def draft_for(item: WorkItem, model: str | None, timings: dict[str, float]) -> Draft:
    if model:
        from .llm import llm_draft

        return llm_draft(item, model, timings)
    from .procedural import generate

    return generate(item, timings)
