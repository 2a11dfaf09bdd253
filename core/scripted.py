"""A scripted model registered with litellm as the `scripted` provider.

`--model scripted/PATH.yaml` plays a list of assistant turns (text and tool calls, in the
OpenAI tool format) through the real litellm call path, so tests drive the whole agent loop
with no network. Turn k is answered with the script's k-th entry, where k is the number of
assistant messages already in the conversation, so a script is stateless and repeatable.

Script entries (YAML or JSON list):
  - content: "Looking at the files first."
    tool_calls:
      - {name: list_files, arguments: {path: "."}}
  - error: RateLimitError      # raise this litellm error...
    times: 2                   # ...this many times, then fall through to the next entry
  - content: "Done."           # a turn without tool calls ends the run
Optional per entry: usage: {prompt_tokens: N, completion_tokens: M} (default: ~4 chars a token).
"""
from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import yaml

SCRIPTS_DIR = Path(__file__).parent / "scripts"
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_scripts: dict[tuple, list[dict[str, Any]]] = {}
_raised: dict[tuple, int] = {}
_raised_lock = threading.Lock()


class ScriptError(ValueError):
    pass


def load_script(name: str) -> list[dict[str, Any]]:
    """A script by path, or by name among the built-in scripts (core/scripts/NAME.yaml)."""
    candidates = [Path(name), SCRIPTS_DIR / name, SCRIPTS_DIR / f"{name}.yaml"]
    path = next((p for p in candidates if p.is_file()), None)
    if path is None:
        raise ScriptError(f"scripted model {name!r}: no such script file (looked in {SCRIPTS_DIR} too)")
    stat = path.stat()
    key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
    if key not in _scripts:  # parsed once, not on every turn: the fake model must not be the bottleneck
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
        if not isinstance(data, list) or not all(isinstance(e, dict) for e in data):
            raise ScriptError(f"{path}: a scripted model is a list of turn mappings")
        _scripts[key] = data
    return _scripts[key]


def _approx_tokens(value: Any) -> int:
    return max(1, len(json.dumps(value, default=str)) // 4)


def _conversation_key(messages: list) -> str:
    first = [m for m in messages if (m.get("role") if isinstance(m, dict) else getattr(m, "role", None)) == "user"]
    return json.dumps(first[:1], default=str)[:2000]


def _role(m) -> str | None:
    return m.get("role") if isinstance(m, dict) else getattr(m, "role", None)


def scripted_reply(lib, model: str, messages: list) -> Any:
    script = load_script(model)
    turn = sum(1 for m in messages if _role(m) == "assistant")
    key = _conversation_key(messages)
    answered = 0  # reply entries before this one; error entries sit in front of the reply they delay
    for position, entry in enumerate(script):
        if "error" in entry:
            if answered == turn:
                counter = (model, key, position)
                with _raised_lock:
                    n = _raised.get(counter, 0)
                    if n < int(entry.get("times", 1)):
                        _raised[counter] = n + 1
                        raise _error(lib, entry["error"], model)
            continue
        if answered == turn:
            return _response(lib, model, entry, messages)
        answered += 1
    return _response(lib, model, {"content": "(the script has no more turns)"}, messages)


def _error(lib, name: str, model: str) -> Exception:
    cls = getattr(lib, name, None)
    message = f"scripted {name}"
    if cls is None:
        return RuntimeError(message)
    try:
        return cls(message=message, llm_provider="scripted", model=model)
    except TypeError:
        return cls(message)


def _response(lib, model: str, entry: dict, messages: list):
    tool_calls = []
    for i, call in enumerate(entry.get("tool_calls") or []):
        args = call.get("arguments", {})
        tool_calls.append({
            "id": call.get("id") or f"call_{len(messages)}_{i}",
            "type": "function",
            "function": {"name": call["name"], "arguments": args if isinstance(args, str) else json.dumps(args)},
        })
    message: dict[str, Any] = {"role": "assistant", "content": entry.get("content")}
    if tool_calls:
        message["tool_calls"] = tool_calls
    usage = entry.get("usage") or {}
    prompt_tokens = int(usage.get("prompt_tokens", _approx_tokens(messages)))
    completion_tokens = int(usage.get("completion_tokens", _approx_tokens(message)))
    return lib.ModelResponse(
        model=f"scripted/{model}",
        choices=[{"index": 0, "message": message, "finish_reason": "tool_calls" if tool_calls else "stop"}],
        usage={"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
               "total_tokens": prompt_tokens + completion_tokens},
    )


def register(lib) -> None:
    """Add the `scripted` provider to litellm (idempotent)."""
    from litellm import CustomLLM

    class ScriptedLLM(CustomLLM):
        def completion(self, model, messages, *args, **kwargs):
            return scripted_reply(lib, model, messages)

        async def acompletion(self, model, messages, *args, **kwargs):
            return scripted_reply(lib, model, messages)

    if not any(p.get("provider") == "scripted" for p in lib.custom_provider_map):
        lib.custom_provider_map.append({"provider": "scripted", "custom_handler": ScriptedLLM()})
        from litellm.utils import custom_llm_setup

        custom_llm_setup()
