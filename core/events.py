"""The run's event stream: the types, and the recorder that appends them and tells listeners.

The agent loop, tools and verifier only ever call `Recorder.emit`; the store makes the stream
durable and the live view subscribes to it. Replay reads the same records back from SQLite.
"""
from __future__ import annotations

import threading
from typing import Any, Callable

from store import EventRecord, Store

RUN_STARTED = "run_started"
MODEL_REQUEST = "model_request"
MODEL_RESPONSE = "model_response"
TOOL_CALL = "tool_call"
TOOL_RESULT = "tool_result"
WORKSPACE_CHANGED = "workspace_changed"
CHECK_RESULT = "check_result"
RUBRIC_RESULT = "rubric_result"
SCORE = "score"
ERROR = "error"
RUN_FINISHED = "run_finished"
EVENT_TYPES = (RUN_STARTED, MODEL_REQUEST, MODEL_RESPONSE, TOOL_CALL, TOOL_RESULT, WORKSPACE_CHANGED,
               CHECK_RESULT, RUBRIC_RESULT, SCORE, ERROR, RUN_FINISHED)

Listener = Callable[[EventRecord], None]


class Recorder:
    """Appends a run's events to the store (each one committed at once) and fans them out."""

    def __init__(self, store: Store, run_id: str, listeners: list[Listener] | None = None):
        self.store, self.run_id = store, run_id
        self._listeners = list(listeners or [])
        self._lock = threading.Lock()

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def emit(self, event_type: str, /, **payload: Any) -> EventRecord:
        if event_type not in EVENT_TYPES:
            raise ValueError(f"unknown event type {event_type!r}; expected one of {', '.join(EVENT_TYPES)}")
        with self._lock:
            record = self.store.append_event(self.run_id, event_type, payload)
        for listener in self._listeners:
            try:
                listener(record)
            except Exception:  # a broken viewer must never break the run it watches
                pass
        return record
