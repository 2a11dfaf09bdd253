"""Agents: the native Claw-style loop over litellm tool calling, and the model-free policies
`oracle` (replays the task's reference solution through the same tools) and `null`.

All three speak through the same ToolExecutor and Recorder, so their trajectories have the
same shape: model_response (an assistant message with tool calls) -> tool_call -> tool_result.
"""
from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from . import events as ev
from .events import Recorder
from .models import ModelError, completion_with_retry, litellm, usage_of
from .task import Mutant, SolutionStep, Task
from .tools import ToolExecutor, openai_tools

AGENTS = ("native", "oracle", "null")

SYSTEM_PROMPT = """You are a capable personal assistant working inside the user's workspace: a folder of
files, scripts, logs and configs. You act only through the tools you are given; the workspace is your
current directory and all paths are relative to it. You are judged on the files you leave behind, so
inspect before you change, follow the requested formats exactly, keep what you were not asked to change,
check your results (run scripts, re-read outputs), and recover from errors instead of giving up.
When the work is complete, call `finish` with a one-paragraph summary."""


@dataclass
class AgentOutcome:
    status: str = "finished"          # finished | limit | cancelled | error
    reason: str = ""
    turns: int = 0
    tokens_in: int = 0
    tokens_out: int = 0
    cost: float = 0.0
    failed_steps: list[str] = field(default_factory=list)   # oracle: replayed steps (solution or mutant) that failed


@dataclass
class AgentContext:
    task: Task
    tools: ToolExecutor
    recorder: Recorder
    model: str | None = None
    cancel: threading.Event = field(default_factory=threading.Event)
    max_retries: int = 4
    backoff_s: float = 1.0
    mutant: Mutant | None = None      # oracle only: spoil the reference output afterwards


def _message_dict(msg: Any) -> dict[str, Any]:
    """An assistant message as a plain OpenAI-format dict."""
    out: dict[str, Any] = {"role": "assistant", "content": getattr(msg, "content", None)}
    calls = getattr(msg, "tool_calls", None) or []
    if calls:
        out["tool_calls"] = [{"id": c.id, "type": "function",
                              "function": {"name": c.function.name, "arguments": c.function.arguments or "{}"}}
                             for c in calls]
    return out


def user_prompt(task: Task) -> str:
    text = task.instruction.strip()
    if task.skills:
        text += "\n\nSkills you may use: " + ", ".join(task.skills)
    return text


def run_native(ctx: AgentContext) -> AgentOutcome:
    if not ctx.model:
        raise ValueError("the native agent needs --model (a litellm model string, e.g. anthropic/claude-sonnet-4-5)")
    limits, out = ctx.task.limits, AgentOutcome()
    messages: list[dict[str, Any]] = [{"role": "system", "content": SYSTEM_PROMPT},
                                      {"role": "user", "content": user_prompt(ctx.task)}]
    tools = openai_tools()
    litellm()  # import it now (seconds), not inside the first turn's latency
    recorded = 0  # messages already recorded in a model_request event
    deadline = time.monotonic() + limits.wall_s

    def on_retry(attempt: int, error: Exception, delay: float) -> None:
        ctx.recorder.emit(ev.ERROR, where="model", retrying=True, attempt=attempt, delay_s=round(delay, 2),
                          message=f"{type(error).__name__}: {error}"[:2000])

    while True:
        if ctx.cancel.is_set():
            return _end(out, "cancelled", "stopped by the user")
        if out.turns >= limits.turns:
            return _end(out, "limit", f"turn limit of {limits.turns} reached")
        if time.monotonic() > deadline:
            return _end(out, "limit", f"wall-time limit of {limits.wall_s:g} s reached")
        if out.tokens_in + out.tokens_out >= limits.tokens:
            return _end(out, "limit", f"token limit of {limits.tokens} reached")
        # Each request records only the messages new since the last one; together they are the conversation.
        ctx.recorder.emit(ev.MODEL_REQUEST, turn=out.turns, model=ctx.model, n_messages=len(messages),
                          new_messages=messages[recorded:], tools=[t["function"]["name"] for t in tools])
        recorded = len(messages) + 1  # + the assistant reply, recorded in model_response
        started = time.perf_counter()
        try:
            response = completion_with_retry(model=ctx.model, messages=messages, tools=tools,
                                             retries=ctx.max_retries, backoff_s=ctx.backoff_s,
                                             timeout=max(5.0, deadline - time.monotonic()), on_retry=on_retry)
        except ModelError as e:
            ctx.recorder.emit(ev.ERROR, where="model", retrying=False, message=str(e)[:4000])
            return _end(out, "error", str(e))
        latency = time.perf_counter() - started
        usage = usage_of(response, ctx.model)
        out.turns += 1
        out.tokens_in += usage["tokens_in"]
        out.tokens_out += usage["tokens_out"]
        out.cost += usage["cost"]
        message = _message_dict(response.choices[0].message)
        messages.append(message)
        ctx.recorder.emit(ev.MODEL_RESPONSE, turn=out.turns - 1, model=ctx.model, message=message,
                          latency_s=round(latency, 4), **usage)
        calls = message.get("tool_calls") or []
        if not calls:
            return _end(out, "finished", "the model stopped calling tools")
        finished = False
        for call in calls:
            outcome = ctx.tools.call(call["function"]["name"], call["function"]["arguments"], call["id"])
            messages.append({"role": "tool", "tool_call_id": call["id"], "content": outcome.output})
            finished = finished or outcome.finished
        if finished:
            return _end(out, "finished", "the agent called finish")


def _end(out: AgentOutcome, status: str, reason: str) -> AgentOutcome:
    out.status, out.reason = status, reason
    return out


def run_oracle(ctx: AgentContext) -> AgentOutcome:
    """Replay the reference solution step by step through the normal tools (then the mutant's
    steps, when validating that a near-miss output fails)."""
    out = AgentOutcome()
    if not ctx.task.solution:
        return _end(out, "error", f"task {ctx.task.id} has no solution to replay")
    steps: list[tuple[SolutionStep | None, str]] = [(s, "solution") for s in ctx.task.solution]
    if ctx.mutant is not None:
        steps += [(s, "mutants") for s in ctx.mutant.steps]
    for i, (step, folder) in enumerate(steps + [(None, "")]):
        if ctx.cancel.is_set():
            return _end(out, "cancelled", "stopped by the user")
        if step is None:
            name, args = "finish", {"summary": "Applied the reference solution."}
        else:
            name, args = step.tool, dict(step.args)
            if "content_file" in args:
                args["content"] = (ctx.task.path / folder / args.pop("content_file")).read_text(encoding="utf-8")
        call_id = f"oracle_{i}"
        message = {"role": "assistant", "content": None,
                   "tool_calls": [{"id": call_id, "type": "function",
                                   "function": {"name": name, "arguments": json.dumps(args)}}]}
        ctx.recorder.emit(ev.MODEL_RESPONSE, turn=i, model="oracle", message=message, latency_s=0.0,
                          tokens_in=0, tokens_out=0, cost=0.0)
        out.turns += 1
        outcome = ctx.tools.call(name, args, call_id)
        if not outcome.ok and name != "finish":
            message = f"{folder} step {i} ({name}) failed: {outcome.output[:1000]}"
            ctx.recorder.emit(ev.ERROR, where="oracle", retrying=False, message=message)
            out.failed_steps.append(message)
    return _end(out, "finished", "solution replayed")


def run_null(ctx: AgentContext) -> AgentOutcome:
    """Does nothing: the floor every task's checks must reject."""
    message = {"role": "assistant", "content": "I will not change anything."}
    ctx.recorder.emit(ev.MODEL_RESPONSE, turn=0, model="null", message=message, latency_s=0.0,
                      tokens_in=0, tokens_out=0, cost=0.0)
    return AgentOutcome(status="finished", reason="null agent", turns=1)


RUNNERS = {"native": run_native, "oracle": run_oracle, "null": run_null}


def run_agent(name: str, ctx: AgentContext) -> AgentOutcome:
    if name not in RUNNERS:
        raise ValueError(f"unknown agent {name!r}; expected one of {', '.join(AGENTS)}")
    return RUNNERS[name](ctx)
