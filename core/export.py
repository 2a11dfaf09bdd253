"""Projections of a stored run's event stream: OpenAI chat messages + tools (the SFT format),
a Markdown transcript, and the plain-text transcript `clawbench show` prints."""
from __future__ import annotations

import json
from typing import Any, Iterable

from store import EventRecord, Store

from . import events as ev
from .agent import SYSTEM_PROMPT
from .tools import openai_tools

FORMATS = ("openai", "markdown")


def openai_messages(events: Iterable[EventRecord]) -> list[dict[str, Any]]:
    """The conversation as OpenAI messages: system, user, then assistant turns and tool results."""
    messages: list[dict[str, Any]] = []
    for e in events:
        p = e.payload
        if e.type == ev.RUN_STARTED:
            # an imported run keeps its own agent's system prompt (None: it had none), not ours
            prompt = p["system_prompt"] if "system_prompt" in p else SYSTEM_PROMPT
            if prompt is not None:
                messages.append({"role": "system", "content": prompt})
            messages.append({"role": "user", "content": p["instruction"]})
        elif e.type == ev.MODEL_REQUEST and p.get("source") in ("user", "system"):
            messages.append({"role": p["source"], "content": p.get("message", "")})   # a later turn from outside the agent
        elif e.type == ev.MODEL_RESPONSE:
            messages.append(p["message"])
        elif e.type == ev.TOOL_RESULT:
            messages.append({"role": "tool", "tool_call_id": p["call_id"], "content": p["output"]})
    return messages


def export_openai(store: Store, run_id: str) -> dict[str, Any]:
    run = store.get_run(run_id)
    return {"run_id": run["id"], "task_id": run["task_id"], "score": run["score"], "solved": bool(run["solved"]),
            "messages": openai_messages(store.events(run["id"])), "tools": openai_tools()}


def _fmt_args(arguments: Any) -> str:
    if isinstance(arguments, str):
        try:
            arguments = json.loads(arguments)
        except json.JSONDecodeError:
            return arguments
    return json.dumps(arguments, ensure_ascii=False, indent=2)


def export_markdown(store: Store, run_id: str) -> str:
    run = store.get_run(run_id)
    lines = [f"# Run {run['id']}", "",
             f"- task: `{run['task_id']}`", f"- agent: {run['agent']} · model: {run['model']} · sandbox: {run['sandbox']}",
             f"- status: {run['status']} · score: {run['score']} · solved: {bool(run['solved'])}", ""]
    for e in store.events(run["id"]):
        p = e.payload
        if e.type == ev.RUN_STARTED:
            lines += ["## Instruction", "", p["instruction"].strip(), ""]
        elif e.type == ev.MODEL_RESPONSE:
            lines.append(f"## Assistant (turn {p.get('turn', 0) + 1})")
            if p["message"].get("content"):
                lines += ["", str(p["message"]["content"]).strip()]
            for call in p["message"].get("tool_calls") or []:
                lines += ["", f"**{call['function']['name']}**", "```json", _fmt_args(call["function"]["arguments"]), "```"]
            lines.append("")
        elif e.type == ev.TOOL_RESULT:
            status = "ok" if p["ok"] else "error"
            lines += [f"### Result of {p['name']} ({status})", "```", p["output"].rstrip(), "```", ""]
        elif e.type == ev.CHECK_RESULT:
            mark = "PASS" if p["passed"] else "FAIL"
            lines.append(f"- {mark} `{p['id']}` ({p['type']}): {p['description']} — observed {p['observed']!r}, expected {p['expected']!r}")
        elif e.type == ev.SCORE:
            lines += ["", f"**Score {p['score']} — {'solved' if p['solved'] else 'not solved'}**", ""]
        elif e.type == ev.ERROR:
            lines += [f"> error ({p.get('where')}): {p.get('message')}", ""]
    return "\n".join(lines)


def transcript_lines(store: Store, run_id: str) -> list[str]:
    """A compact, readable transcript for the terminal."""
    out: list[str] = []
    for e in store.events(run_id):
        p = e.payload
        prefix = f"[{e.seq:>4}]"
        if e.type == ev.RUN_STARTED:
            out.append(f"{prefix} run started: task {p['task_id']} · agent {p['agent']} · sandbox {p['sandbox']}")
            out += [f"       | {line}" for line in p["instruction"].strip().splitlines()]
        elif e.type == ev.MODEL_RESPONSE:
            content = (p["message"].get("content") or "").strip()
            tokens = f" ({p.get('tokens_in', 0)}+{p.get('tokens_out', 0)} tok)" if p.get("tokens_in") else ""
            out.append(f"{prefix} assistant{tokens}: {content[:300]}" if content else f"{prefix} assistant{tokens}")
        elif e.type == ev.TOOL_CALL:
            args = p["arguments"]
            if isinstance(args, dict) and "content" in args:
                args = dict(args, content=f"<{len(args['content'])} chars>")
            out.append(f"{prefix} -> {p['name']} {json.dumps(args, ensure_ascii=False)[:200]}")
        elif e.type == ev.TOOL_RESULT:
            first = (p["output"].strip().splitlines() or [""])
            more = f" (+{len(first) - 1} lines)" if len(first) > 1 else ""
            out.append(f"{prefix} <- {'ok' if p['ok'] else 'ERROR'}: {first[0][:200]}{more}")
        elif e.type == ev.WORKSPACE_CHANGED:
            out.append(f"{prefix}    {p['op']}: {p['path']}")
        elif e.type == ev.CHECK_RESULT:
            out.append(f"{prefix} {'PASS' if p['passed'] else 'FAIL'} {p['id']}: {p['description']}"
                       + ("" if p["passed"] else f" (observed {p['observed']!r}, expected {p['expected']!r}) {p.get('message', '')}"))
        elif e.type == ev.RUBRIC_RESULT:
            state = f"{p['score']:.2f}" if p["judged"] else "unjudged"
            out.append(f"{prefix} rubric {p['id']}: {state} {p.get('reason', '')[:160]}")
        elif e.type == ev.SCORE:
            out.append(f"{prefix} score {p['score']} · {'solved' if p['solved'] else 'not solved'}")
        elif e.type == ev.ERROR:
            out.append(f"{prefix} error ({p.get('where')}{', retrying' if p.get('retrying') else ''}): {p.get('message', '')[:300]}")
        elif e.type == ev.RUN_FINISHED:
            out.append(f"{prefix} run {p['status']}: {p.get('reason') or ''} ({p.get('duration_s')} s)")
    return out
