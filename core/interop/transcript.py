"""The run as the transcript external checkers expect: OpenClaw session entries
`{"type": "message", "message": {"role": ..., "content": [...]}}`, built from our event stream.

PinchBench's and ClawGym's grade(transcript, workspace_path) read this shape: user and assistant
text items, `toolCall` items inside assistant messages and `toolResult` messages. Our workspace
tools keep their arguments but take OpenClaw's names where OpenClaw has the same tool, so a
checker looking for a `write` or `exec` call finds it.
"""
from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any, Iterable

from store import EventRecord

from .. import events as ev

OPENCLAW_TOOL_NAMES = {"read_file": "read", "write_file": "write", "edit_file": "edit", "exec": "exec"}
SUMMARY_RESULT_CHARS = 200


def _iso(ts: float) -> str:
    return datetime.fromtimestamp(ts, timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _arguments(raw: Any) -> dict[str, Any]:
    if isinstance(raw, dict):
        return raw
    try:
        value = json.loads(raw) if isinstance(raw, str) and raw.strip() else {}
    except json.JSONDecodeError:
        return {"raw_arguments": raw}
    return value if isinstance(value, dict) else {"raw_arguments": raw}


def _entry(role: str, content: list[dict[str, Any]], ts: float, **extra: Any) -> dict[str, Any]:
    return {"type": "message", "timestamp": _iso(ts), "message": {"role": role, "content": content, **extra}}


def openclaw_transcript(events: Iterable[EventRecord]) -> list[dict[str, Any]]:
    """User prompt, assistant turns (text + tool calls) and tool results, in order."""
    out: list[dict[str, Any]] = []
    for e in events:
        p = e.payload
        if e.type == ev.RUN_STARTED:
            out.append(_entry("user", [{"type": "text", "text": p.get("instruction", "")}], e.ts))
        elif e.type == ev.MODEL_REQUEST and p.get("source") == "user":   # a later user message (ATIF import)
            out.append(_entry("user", [{"type": "text", "text": p.get("message", "")}], e.ts))
        elif e.type == ev.MODEL_RESPONSE:
            msg = p.get("message") or {}
            content: list[dict[str, Any]] = []
            if msg.get("content"):
                content.append({"type": "text", "text": str(msg["content"])})
            for call in msg.get("tool_calls") or []:
                fn = call.get("function", {})
                content.append({"type": "toolCall", "id": call.get("id"),
                                "name": OPENCLAW_TOOL_NAMES.get(fn.get("name"), fn.get("name")),
                                "arguments": _arguments(fn.get("arguments"))})
            out.append(_entry("assistant", content, e.ts, model=p.get("model"),
                              usage={"input": p.get("tokens_in") or 0, "output": p.get("tokens_out") or 0,
                                     "cost": {"total": p.get("cost") or 0.0}}))
        elif e.type == ev.TOOL_RESULT:
            out.append(_entry("toolResult", [{"type": "text", "text": p.get("output", "")}], e.ts,
                              toolCallId=p.get("call_id"),
                              toolName=OPENCLAW_TOOL_NAMES.get(p.get("name"), p.get("name")),
                              isError=not p.get("ok", True)))
    return out


def transcript_summary(events: Iterable[EventRecord]) -> str:
    """A compact text of the transcript for a rubric judge (what PinchBench's judge reads)."""
    lines: list[str] = []
    for entry in openclaw_transcript(events):
        msg = entry["message"]
        for item in msg["content"]:
            if msg["role"] == "user":
                lines.append(f"User: {item.get('text', '')}")
            elif msg["role"] == "assistant" and item["type"] == "text":
                lines.append(f"Assistant: {item['text']}")
            elif msg["role"] == "assistant":
                lines.append(f"Tool: {item['name']}({json.dumps(item['arguments'], ensure_ascii=False)[:500]})")
            else:
                lines.append(f"Result: {item.get('text', '')[:SUMMARY_RESULT_CHARS]}")
    return "\n".join(lines)
