"""ATIF v1.4 (Harbor's Agent Trajectory Interchange Format): export a stored run, validate a
trajectory, import one as a stored run that Replay opens.

Export, one step per turn: a system step (the system prompt), a user step (the instruction),
then an agent step per model turn with its tool calls (arguments as objects), the results of
those calls as `observation.results` (linked by `source_call_id`) and `metrics` (tokens and cost
as the harness saw them). Root `extra` carries what ATIF has no field for: the task, the run's
status, score and per-check results; step `extra.clawbench` the ok/exit code of each tool result.

Import writes run_started, model_response, tool_call, tool_result (and check_result/score when
the root extra has them), run_finished. Later user or system steps become model_request events
marked with their `source`, so export -> import -> export gives the same steps.
"""
from __future__ import annotations

import json
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from store import EventRecord, Store

from .. import events as ev
from ..agent import SYSTEM_PROMPT

SCHEMA_VERSION = "ATIF-v1.4"
ACCEPTED_VERSIONS = tuple(f"ATIF-v1.{minor}" for minor in range(5))
SOURCES = ("system", "user", "agent")
ROOT_FIELDS = {"schema_version", "session_id", "agent", "steps", "notes", "final_metrics", "extra"}
AGENT_FIELDS = {"name", "version", "model_name", "extra"}
STEP_FIELDS = ("step_id", "timestamp", "source", "model_name", "reasoning_effort", "message", "reasoning_content",
               "tool_calls", "observation", "metrics", "extra")
AGENT_ONLY_FIELDS = ("model_name", "reasoning_effort", "reasoning_content", "tool_calls", "metrics")
TOOL_CALL_FIELDS = {"tool_call_id", "function_name", "arguments"}
RESULT_FIELDS = {"source_call_id", "content", "subagent_trajectory_ref"}
METRIC_INTS = ("prompt_tokens", "completion_tokens", "cached_tokens")
METRIC_FIELDS = {*METRIC_INTS, "cost_usd", "prompt_token_ids", "completion_token_ids", "logprobs", "extra"}
FINAL_INTS = ("total_prompt_tokens", "total_completion_tokens", "total_cached_tokens", "total_steps")
FINAL_FIELDS = {*FINAL_INTS, "total_cost_usd", "extra"}
OURS = "clawbench"   # the key of our own data inside `extra` objects
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


class AtifError(ValueError):
    """A trajectory that breaks the ATIF v1.4 rules; `errors` names each step and field."""

    def __init__(self, errors: list[str], where: str = "trajectory"):
        self.errors = errors
        shown = "\n  ".join(errors[:20]) + (f"\n  ... and {len(errors) - 20} more" if len(errors) > 20 else "")
        super().__init__(f"{where} is not valid ATIF v1.4:\n  {shown}")


# ------------------------------------------------------------------ validation

def validate_atif(doc: Any) -> list[str]:
    """Every rule of ATIF v1.4 the document breaks, as 'field.path: what was expected' (empty: valid)."""
    errors: list[str] = []
    if not isinstance(doc, dict):
        return [f"(document): a JSON object, got {type(doc).__name__}"]
    _unknown(errors, "", doc, ROOT_FIELDS)
    if doc.get("schema_version") not in ACCEPTED_VERSIONS:
        errors.append(f"schema_version: one of {', '.join(ACCEPTED_VERSIONS)}, got {doc.get('schema_version')!r}")
    if not isinstance(doc.get("session_id"), str) or not doc["session_id"]:
        errors.append(f"session_id: a non-empty string, got {doc.get('session_id')!r}")
    agent = doc.get("agent")
    if not isinstance(agent, dict):
        errors.append(f"agent: an object with name and version, got {type(agent).__name__}")
    else:
        _unknown(errors, "agent", agent, AGENT_FIELDS)
        for key in ("name", "version"):
            if not isinstance(agent.get(key), str):
                errors.append(f"agent.{key}: a string, got {agent.get(key)!r}")
        _optional(errors, "agent.model_name", agent, "model_name", str)
        _optional(errors, "agent.extra", agent, "extra", dict)
    steps = doc.get("steps")
    if not isinstance(steps, list) or not steps:
        errors.append("steps: a non-empty array of steps")
    else:
        for i, step in enumerate(steps):
            _validate_step(errors, i, step)
    _optional(errors, "notes", doc, "notes", str)
    _optional(errors, "extra", doc, "extra", dict)
    final = doc.get("final_metrics")
    if final is not None:
        if not isinstance(final, dict):
            errors.append("final_metrics: an object")
        else:
            _unknown(errors, "final_metrics", final, FINAL_FIELDS)
            for key in FINAL_INTS:
                _count(errors, f"final_metrics.{key}", final, key)
            _number(errors, "final_metrics.total_cost_usd", final, "total_cost_usd")
            _optional(errors, "final_metrics.extra", final, "extra", dict)
    return errors


def check_atif(doc: Any, where: str = "trajectory") -> None:
    errors = validate_atif(doc)
    if errors:
        raise AtifError(errors, where)


def _validate_step(errors: list[str], index: int, step: Any) -> None:
    at = f"steps[{index}]"
    if not isinstance(step, dict):
        errors.append(f"{at}: an object, got {type(step).__name__}")
        return
    _unknown(errors, at, step, set(STEP_FIELDS))
    if step.get("step_id") != index + 1 or isinstance(step.get("step_id"), bool):
        errors.append(f"{at}.step_id: {index + 1} (step ids run 1, 2, 3, ... in order), got {step.get('step_id')!r}")
    source = step.get("source")
    if source not in SOURCES:
        errors.append(f"{at}.source: one of system, user, agent, got {source!r}")
    if not isinstance(step.get("message"), str):
        errors.append(f"{at}.message: a string (may be empty), got {step.get('message')!r}")
    if "timestamp" in step and step["timestamp"] is not None and _parse_time(step["timestamp"]) is None:
        errors.append(f"{at}.timestamp: an ISO 8601 time such as 2025-10-16T14:30:00Z, got {step['timestamp']!r}")
    if source != "agent":
        for key in AGENT_ONLY_FIELDS:
            if step.get(key) is not None:
                errors.append(f"{at}.{key}: only agent steps may have it (this step's source is {source!r})")
    if source == "user" and step.get("observation") is not None:
        errors.append(f"{at}.observation: only agent and system steps may have it")
    _optional(errors, f"{at}.model_name", step, "model_name", str)
    _optional(errors, f"{at}.reasoning_content", step, "reasoning_content", str)
    effort = step.get("reasoning_effort")
    if effort is not None and (isinstance(effort, bool) or not isinstance(effort, (str, int, float))):
        errors.append(f"{at}.reasoning_effort: a string or a number, got {effort!r}")
    _optional(errors, f"{at}.extra", step, "extra", dict)
    call_ids = _validate_tool_calls(errors, at, step.get("tool_calls"))
    _validate_observation(errors, at, step.get("observation"), call_ids)
    _validate_metrics(errors, at, step.get("metrics"))


def _validate_tool_calls(errors: list[str], at: str, calls: Any) -> set[str]:
    ids: set[str] = set()
    if calls is None:
        return ids
    if not isinstance(calls, list):
        errors.append(f"{at}.tool_calls: an array, got {type(calls).__name__}")
        return ids
    for j, call in enumerate(calls):
        cat = f"{at}.tool_calls[{j}]"
        if not isinstance(call, dict):
            errors.append(f"{cat}: an object, got {type(call).__name__}")
            continue
        _unknown(errors, cat, call, TOOL_CALL_FIELDS)
        cid = call.get("tool_call_id")
        if not isinstance(cid, str) or not cid:
            errors.append(f"{cat}.tool_call_id: a non-empty string, got {cid!r}")
        elif cid in ids:
            errors.append(f"{cat}.tool_call_id: unique within the step, {cid!r} is used twice")
        else:
            ids.add(cid)
        if not isinstance(call.get("function_name"), str) or not call["function_name"]:
            errors.append(f"{cat}.function_name: a non-empty string, got {call.get('function_name')!r}")
        if not isinstance(call.get("arguments"), dict):
            errors.append(f"{cat}.arguments: an object (a dict, possibly empty), got {type(call.get('arguments')).__name__}")
    return ids


def _validate_observation(errors: list[str], at: str, obs: Any, call_ids: set[str]) -> None:
    if obs is None:
        return
    if not isinstance(obs, dict) or set(obs) - {"results"} or not isinstance(obs.get("results"), list):
        errors.append(f"{at}.observation: an object with a results array and nothing else")
        return
    for k, result in enumerate(obs["results"]):
        rat = f"{at}.observation.results[{k}]"
        if not isinstance(result, dict):
            errors.append(f"{rat}: an object, got {type(result).__name__}")
            continue
        _unknown(errors, rat, result, RESULT_FIELDS)
        sid = result.get("source_call_id")
        if sid is not None and sid not in call_ids:
            errors.append(f"{rat}.source_call_id: the tool_call_id of a tool call in this step "
                          f"({', '.join(sorted(call_ids)) or 'it has none'}), got {sid!r}")
        _optional(errors, f"{rat}.content", result, "content", str)
        _optional(errors, f"{rat}.subagent_trajectory_ref", result, "subagent_trajectory_ref", list)


def _validate_metrics(errors: list[str], at: str, metrics: Any) -> None:
    if metrics is None:
        return
    if not isinstance(metrics, dict):
        errors.append(f"{at}.metrics: an object, got {type(metrics).__name__}")
        return
    _unknown(errors, f"{at}.metrics", metrics, METRIC_FIELDS)
    for key in METRIC_INTS:
        _count(errors, f"{at}.metrics.{key}", metrics, key)
    _number(errors, f"{at}.metrics.cost_usd", metrics, "cost_usd")
    for key in ("prompt_token_ids", "completion_token_ids", "logprobs"):
        _optional(errors, f"{at}.metrics.{key}", metrics, key, list)
    _optional(errors, f"{at}.metrics.extra", metrics, "extra", dict)


def _unknown(errors: list[str], at: str, obj: dict, allowed: set[str]) -> None:
    for key in sorted(set(obj) - allowed):
        errors.append(f"{at + '.' if at else ''}{key}: not an ATIF v1.4 field here (allowed: {', '.join(sorted(allowed))})")


def _optional(errors: list[str], at: str, obj: dict, key: str, kind: type) -> None:
    if obj.get(key) is not None and not isinstance(obj[key], kind):
        errors.append(f"{at}: {'an object' if kind is dict else 'an array' if kind is list else 'a string'}, "
                      f"got {type(obj[key]).__name__}")


def _count(errors: list[str], at: str, obj: dict, key: str) -> None:
    value = obj.get(key)
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
        errors.append(f"{at}: a non-negative integer, got {value!r}")


def _number(errors: list[str], at: str, obj: dict, key: str) -> None:
    value = obj.get(key)
    if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))):
        errors.append(f"{at}: a number, got {value!r}")


# ------------------------------------------------------------------ time

def iso_time(ts: float) -> str:
    """Milliseconds, UTC, 'Z': integer arithmetic so that parse(iso_time(t)) prints the same again."""
    return (EPOCH + timedelta(milliseconds=round(ts * 1000))).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _parse_time(value: Any) -> float | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value[:-1] + "+00:00" if value.endswith("Z") else value)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    return (parsed - EPOCH) / timedelta(milliseconds=1) / 1000


# ------------------------------------------------------------------ export

def export_atif(store: Store, run_id: str) -> dict[str, Any]:
    run = store.get_run(run_id)
    if run is None:
        raise ValueError(f"no stored run {run_id!r}")
    events = list(store.events(run["id"]))
    steps: list[dict[str, Any]] = []
    checks: list[dict[str, Any]] = []
    current: dict[str, Any] | None = None       # the agent step whose tool results are arriving
    for e in events:
        p = e.payload
        if e.type == ev.RUN_STARTED:
            prompt = p["system_prompt"] if "system_prompt" in p else SYSTEM_PROMPT
            if prompt is not None:
                steps.append({"source": "system", "timestamp": iso_time(e.ts), "message": prompt})
            steps.append({"source": "user", "timestamp": iso_time(e.ts), "message": p.get("instruction", "")})
        elif e.type == ev.MODEL_REQUEST and p.get("source") in ("user", "system"):
            steps.append(_interjection_step(e))
            current = None
        elif e.type == ev.MODEL_RESPONSE:
            current = _agent_step(e)
            steps.append(current)
        elif e.type == ev.TOOL_RESULT and current is not None:
            _add_result(current, p)
        elif e.type == ev.CHECK_RESULT:
            checks.append(dict(p))
    for i, step in enumerate(steps, start=1):
        step["step_id"] = i
    steps = [_ordered(s) for s in steps]
    doc = {
        "schema_version": SCHEMA_VERSION,
        "session_id": (run.get("meta") or {}).get("session_id") or run["id"],
        "agent": {"name": "clawbench", "version": _version(), "model_name": run.get("model") or run["agent"],
                  "extra": {"policy": run["agent"]}},
        "steps": steps,
        "final_metrics": _final_metrics(steps),
        "extra": {"task_id": run["task_id"], "status": run["status"], "score": run["score"],
                  "solved": None if run["solved"] is None else bool(run["solved"]), "checks": checks},
    }
    check_atif(doc, f"the ATIF export of run {run['id']}")
    return doc


def _agent_step(e: EventRecord) -> dict[str, Any]:
    p, msg = e.payload, e.payload.get("message") or {}
    kept = p.get("atif") or {}            # fields an imported step had that no event of ours holds
    step: dict[str, Any] = {"source": "agent", "timestamp": iso_time(e.ts), "message": msg.get("content") or ""}
    if isinstance(p.get("model"), str):
        step["model_name"] = p["model"]
    for key in ("reasoning_effort", "reasoning_content"):
        value = kept.get(key, msg.get(key))
        if value is not None:
            step[key] = value
    calls = [{"tool_call_id": c.get("id"), "function_name": c.get("function", {}).get("name"),
              "arguments": _arguments(c.get("function", {}).get("arguments"))} for c in msg.get("tool_calls") or []]
    if calls:
        step["tool_calls"] = calls
    if kept.get("untracked_results"):
        step["observation"] = {"results": list(kept["untracked_results"])}
    step["metrics"] = {"prompt_tokens": int(p.get("tokens_in") or 0), "completion_tokens": int(p.get("tokens_out") or 0),
                       "cost_usd": float(p.get("cost") or 0.0), **(kept.get("metrics") or {})}
    if kept.get("extra"):
        step["extra"] = dict(kept["extra"])
    return step


def _add_result(step: dict[str, Any], p: dict[str, Any]) -> None:
    if p.get("call_id") not in {c["tool_call_id"] for c in step.get("tool_calls", [])}:
        return   # a result with no call in this step cannot be linked; ATIF forbids it
    results = step.setdefault("observation", {"results": []})["results"]
    untracked = [r for r in results if r.get("source_call_id") is None]
    tracked = [r for r in results if r.get("source_call_id") is not None]
    step["observation"]["results"] = tracked + [{"source_call_id": p["call_id"], "content": p.get("output", "")}] + untracked
    status = step.setdefault("extra", {}).setdefault(OURS, {}).setdefault("tool_results", {})
    status[p["call_id"]] = {"ok": bool(p.get("ok", True)), "exit_code": p.get("exit_code")}


def _interjection_step(e: EventRecord) -> dict[str, Any]:
    p = e.payload
    step: dict[str, Any] = {"source": p["source"], "timestamp": iso_time(e.ts), "message": p.get("message", "")}
    if p.get("observation") is not None:
        step["observation"] = p["observation"]
    if p.get("extra"):
        step["extra"] = p["extra"]
    return step


def _arguments(raw: Any) -> dict[str, Any]:
    if isinstance(raw, dict):
        return raw
    try:
        value = json.loads(raw) if isinstance(raw, str) and raw.strip() else {}
    except json.JSONDecodeError:
        value = None
    return value if isinstance(value, dict) else {"raw_arguments": raw}


def _ordered(step: dict[str, Any]) -> dict[str, Any]:
    return {k: step[k] for k in STEP_FIELDS if k in step}


def _final_metrics(steps: list[dict[str, Any]]) -> dict[str, Any]:
    metrics = [s["metrics"] for s in steps if s.get("metrics")]
    return {"total_prompt_tokens": sum(m.get("prompt_tokens") or 0 for m in metrics),
            "total_completion_tokens": sum(m.get("completion_tokens") or 0 for m in metrics),
            "total_cost_usd": round(sum(m.get("cost_usd") or 0.0 for m in metrics), 10),
            "total_steps": len(steps)}


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("clawbench")
    except Exception:
        return "0"


# ------------------------------------------------------------------ import

def load_atif_file(path: Path | str) -> dict[str, Any]:
    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        raise AtifError([f"(file): valid JSON ({e.msg} at line {e.lineno}, column {e.colno})"], str(path)) from None
    check_atif(doc, str(path))
    return doc


def import_atif(store: Store, doc: dict[str, Any], origin: str | None = None) -> str:
    """Store a validated trajectory as a finished run (score from extra.score, else None); returns its id."""
    from ..runner import new_run_id

    check_atif(doc, origin or "trajectory")
    agent, extra, steps = doc["agent"], doc.get("extra") or {}, doc["steps"]
    policy = (agent.get("extra") or {}).get("policy") if agent["name"] == "clawbench" else None
    run_agent, model = policy or agent["name"], agent.get("model_name")
    times = _step_times(steps)
    lead_system = steps[0]["message"] if steps[0]["source"] == "system" else None
    first_user = next((i for i, s in enumerate(steps) if s["source"] == "user"), None)
    instruction = steps[first_user]["message"] if first_user is not None else ""
    skip = {i for i in (0 if lead_system is not None else None, first_user) if i is not None}
    score = extra.get("score") if isinstance(extra.get("score"), (int, float)) and not isinstance(extra.get("score"), bool) else None
    solved = extra.get("solved") if isinstance(extra.get("solved"), bool) else None
    task_id = str(extra.get("task_id") or f"atif-{doc['session_id']}")[:200]

    run_id = new_run_id()
    store.create_run(run_id, task_id=task_id, task_path=None, task_fingerprint=None, agent=run_agent, model=model,
                     judge=None, sandbox=None, meta={"imported_from": origin, "session_id": doc["session_id"],
                                                     "schema_version": doc["schema_version"]})
    put = lambda kind, ts, **payload: store.append_event(run_id, kind, payload, ts=ts)  # noqa: E731
    put(ev.RUN_STARTED, times[0], task_id=task_id, title=task_id, instruction=instruction, agent=run_agent,
        model=model, judge=None, sandbox=None, limits={}, system_prompt=lead_system, imported_from=origin)
    turns, tokens_in, tokens_out, cost = 0, 0, 0, 0.0
    for i, step in enumerate(steps):
        if i in skip:
            continue
        if step["source"] != "agent":
            put(ev.MODEL_REQUEST, times[i], turn=turns, model=model, source=step["source"], message=step["message"],
                observation=step.get("observation"), extra=step.get("extra"), new_messages=[])
            continue
        m = step.get("metrics") or {}
        t_in, t_out, c = m.get("prompt_tokens") or 0, m.get("completion_tokens") or 0, m.get("cost_usd") or 0.0
        turns, tokens_in, tokens_out, cost = turns + 1, tokens_in + t_in, tokens_out + t_out, cost + c
        _import_agent_step(put, step, times[i], turns - 1, model, t_in, t_out, c)
    for check in extra.get("checks") or []:
        if isinstance(check, dict) and "id" in check:   # the fields every reader of check_result expects
            put(ev.CHECK_RESULT, times[-1], id=str(check["id"]), type=check.get("type", "imported"),
                passed=bool(check.get("passed")), weight=check.get("weight", 1.0),
                description=check.get("description", ""), observed=check.get("observed"),
                expected=check.get("expected"), message=check.get("message", ""), value=check.get("value"))
    if score is not None:
        put(ev.SCORE, times[-1], score=score, solved=bool(solved), imported=True)
    duration = round(max(0.0, times[-1] - times[0]), 3)
    put(ev.RUN_FINISHED, times[-1], status="finished", score=score, solved=solved, reason="imported from ATIF",
        turns=turns, tokens_in=tokens_in, tokens_out=tokens_out, cost=cost, duration_s=duration)
    store.update_run(run_id, status="finished", started_at=times[0], finished_at=times[-1], score=score,
                     solved=None if solved is None else int(solved), turns=turns, tokens_in=tokens_in,
                     tokens_out=tokens_out, cost=cost)
    return run_id


def _import_agent_step(put, step: dict[str, Any], ts: float, turn: int, model: str | None,
                       t_in: int, t_out: int, cost: float) -> None:
    calls = step.get("tool_calls") or []
    message: dict[str, Any] = {"role": "assistant", "content": step["message"] or None}
    if calls:
        message["tool_calls"] = [{"id": c["tool_call_id"], "type": "function",
                                  "function": {"name": c["function_name"], "arguments": json.dumps(c["arguments"])}}
                                 for c in calls]
    extra = dict(step.get("extra") or {})
    status = (extra.pop(OURS, None) or {}).get("tool_results") or {}
    results = (step.get("observation") or {}).get("results") or []
    metrics = {k: v for k, v in (step.get("metrics") or {}).items() if k not in ("prompt_tokens", "completion_tokens", "cost_usd")}
    kept = {"reasoning_effort": step.get("reasoning_effort"), "reasoning_content": step.get("reasoning_content"),
            "extra": extra or None, "metrics": metrics or None,
            "untracked_results": [r for r in results if r.get("source_call_id") is None] or None}
    put(ev.MODEL_RESPONSE, ts, turn=turn, model=step.get("model_name") or model, message=message, latency_s=0.0,
        tokens_in=t_in, tokens_out=t_out, cost=cost, atif={k: v for k, v in kept.items() if v is not None})
    by_call = {r["source_call_id"]: r for r in results if r.get("source_call_id") is not None}
    for c in calls:
        put(ev.TOOL_CALL, ts, call_id=c["tool_call_id"], name=c["function_name"], arguments=c["arguments"])
        if c["tool_call_id"] in by_call:
            s = status.get(c["tool_call_id"]) or {}
            put(ev.TOOL_RESULT, ts, call_id=c["tool_call_id"], name=c["function_name"], ok=s.get("ok", True),
                output=by_call[c["tool_call_id"]].get("content") or "", exit_code=s.get("exit_code"),
                truncated=False, duration_s=0.0)


def _step_times(steps: list[dict[str, Any]]) -> list[float]:
    """Each step's time; a step without one takes the previous step's (the first, now)."""
    times, last = [], None
    for step in steps:
        t = _parse_time(step.get("timestamp"))
        last = t if t is not None else (last if last is not None else time.time())
        times.append(last)
    return times
