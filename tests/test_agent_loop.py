"""The native agent loop end to end with the scripted litellm provider: real litellm call path,
real bwrap sandbox, real SQLite store."""
from __future__ import annotations

import threading
from pathlib import Path

import pytest
import yaml

from core import events as ev
from core.export import export_openai, openai_messages
from core.runner import run_task
from core.task import load_task
from store import Store

INSTRUCTION = "Count the ERROR lines in app.log and write the number to count.txt."


@pytest.fixture
def task(tmp_path, bwrap_backend):
    d = tmp_path / "task"
    (d / "workspace").mkdir(parents=True)
    (d / "workspace" / "app.log").write_text("INFO a\nERROR b\nINFO c\nERROR d\nERROR e\n")
    (d / "task.yaml").write_text(yaml.safe_dump({
        "id": "count-errors", "title": "Count errors", "domain": "systems", "difficulty": "easy",
        "instruction": INSTRUCTION, "limits": {"turns": 10, "tokens": 50_000},
        "checks": [{"id": "count", "type": "regex", "path": "count.txt", "pattern": r"^3\s*$",
                    "description": "count.txt holds 3"}],
        "rubric": [{"id": "tidy", "criterion": "count.txt holds only the number", "artifacts": ["count.txt"]}],
    }))
    return load_task(d)


def script(tmp_path: Path, turns: list) -> str:
    path = tmp_path / "script.yaml"
    path.write_text(yaml.safe_dump(turns))
    return f"scripted/{path}"


def call(name, **arguments):
    return {"name": name, "arguments": arguments}


def run(task, store, model, **kw):
    return run_task(task, store, agent="native", model=model, sandbox="bwrap", backoff_s=0.01, **kw)


def test_multi_turn_run_solves_and_records_everything(task, tmp_path):
    store = Store(tmp_path / "c.db")
    model = script(tmp_path, [
        {"content": "Let me look.", "tool_calls": [call("list_files")]},
        {"tool_calls": [call("search", pattern="^ERROR", path="app.log")]},
        {"tool_calls": [call("exec", command="grep -c ^ERROR app.log > count.txt")]},
        {"tool_calls": [call("read_file", path="count.txt")]},
        {"content": "Done.", "tool_calls": [call("finish", summary="wrote 3 to count.txt")]},
    ])
    result = run(task, store, model)
    assert result.status == "finished" and result.solved and result.score == 100.0
    assert result.outcome.turns == 5 and result.outcome.reason == "the agent called finish"
    assert result.outcome.tokens_in > 0 and result.outcome.tokens_out > 0
    # The rubric has no judge: reported unjudged, not counted as passed.
    assert [r.judged for r in result.verdict.rubric] == [False]

    events = list(store.events(result.run_id))
    types = [e.type for e in events]
    assert types[0] == ev.RUN_STARTED and types[-1] == ev.RUN_FINISHED
    assert types.count(ev.MODEL_RESPONSE) == 5 and types.count(ev.TOOL_RESULT) == 5
    results = [e.payload for e in events if e.type == ev.TOOL_RESULT]
    assert "app.log:2:ERROR b" in results[1]["output"]
    assert results[3]["output"].strip() == "3"
    changed = [e.payload for e in events if e.type == ev.WORKSPACE_CHANGED]
    assert {"path": "count.txt", "op": "added"}.items() <= changed[-1].items()
    run_row = store.get_run(result.run_id)
    assert run_row["status"] == "finished" and run_row["solved"] == 1 and run_row["turns"] == 5
    assert {s["name"]: s["passed"] for s in store.scores(result.run_id)} == {"count": 1, "tidy": None}

    # The OpenAI projection is a valid alternating conversation.
    messages = openai_messages(store.events(result.run_id))
    assert [m["role"] for m in messages[:4]] == ["system", "user", "assistant", "tool"]
    assert messages[1]["content"] == INSTRUCTION
    tool_ids = {c["id"] for m in messages if m["role"] == "assistant" for c in m.get("tool_calls", [])}
    assert {m["tool_call_id"] for m in messages if m["role"] == "tool"} == tool_ids
    assert export_openai(store, result.run_id)["tools"][0]["type"] == "function"


def test_tool_errors_go_back_to_the_model(task, tmp_path):
    store = Store(tmp_path / "c.db")
    model = script(tmp_path, [
        {"tool_calls": [call("read_file", path="../../etc/passwd")]},
        {"tool_calls": [call("edit_file", path="app.log", old="WARN x", new="y")]},
        {"tool_calls": [{"name": "teleport", "arguments": {}}]},
        {"tool_calls": [{"name": "write_file", "arguments": "{not json"}]},
        {"tool_calls": [call("write_file", path="count.txt")]},       # missing content
        {"tool_calls": [call("exec", command="exit 7")]},
        {"tool_calls": [call("write_file", path="count.txt", content="3\n")]},
        {"content": "Fixed after the errors."},
    ])
    result = run(task, store, model)
    assert result.status == "finished" and result.solved
    outputs = [e.payload for e in store.events(result.run_id, types=(ev.TOOL_RESULT,))]
    assert [o["ok"] for o in outputs] == [False, False, False, False, False, False, True]
    assert "leaves the workspace" in outputs[0]["output"] or "outside" in outputs[0]["output"]
    assert "was not found in app.log" in outputs[1]["output"]
    assert "unknown tool 'teleport'" in outputs[2]["output"]
    assert "not valid JSON" in outputs[3]["output"]
    assert "missing required argument 'content'" in outputs[4]["output"]
    assert outputs[5]["exit_code"] == 7
    # The model saw each error as the tool message.
    messages = openai_messages(store.events(result.run_id))
    assert sum(1 for m in messages if m["role"] == "tool" and m["content"].startswith("error:")) == 5


def test_turn_limit(task, tmp_path):
    store = Store(tmp_path / "c.db")
    model = script(tmp_path, [{"tool_calls": [call("list_files")]}] * 20)
    result = run(task, store, model)
    assert result.outcome.status == "limit" and "turn limit of 10" in result.outcome.reason
    assert result.outcome.turns == 10 and result.status == "finished" and not result.solved


def test_token_limit(task, tmp_path):
    store = Store(tmp_path / "c.db")
    model = script(tmp_path, [{"tool_calls": [call("list_files")],
                               "usage": {"prompt_tokens": 30_000, "completion_tokens": 100}}] * 5)
    result = run(task, store, model)
    assert "token limit of 50000" in result.outcome.reason and result.outcome.turns == 2


def test_transient_model_errors_are_retried(task, tmp_path):
    store = Store(tmp_path / "c.db")
    model = script(tmp_path, [
        {"error": "RateLimitError", "times": 2},
        {"tool_calls": [call("write_file", path="count.txt", content="3")]},
        {"error": "ServiceUnavailableError", "times": 1},
        {"content": "done"},
    ])
    result = run(task, store, model)
    assert result.status == "finished" and result.solved
    errors = [e.payload for e in store.events(result.run_id, types=(ev.ERROR,))]
    assert len(errors) == 3 and all(e["retrying"] for e in errors)
    assert "RateLimitError" in errors[0]["message"]


def test_persistent_model_error_fails_the_run_but_keeps_it(task, tmp_path):
    store = Store(tmp_path / "c.db")
    model = script(tmp_path, [{"error": "RateLimitError", "times": 99}])
    result = run(task, store, model)
    assert result.status == "failed" and "after 5 attempts" in result.error
    row = store.get_run(result.run_id)
    assert row["status"] == "failed" and row["score"] == 0.0  # verified anyway: the workspace is what it is
    assert list(store.events(result.run_id))[-1].type == ev.RUN_FINISHED


def test_cancel_marks_the_run_cancelled(task, tmp_path):
    store = Store(tmp_path / "c.db")
    cancel = threading.Event()
    seen = []

    def listener(record):
        seen.append(record.type)
        if record.type == ev.TOOL_RESULT:
            cancel.set()

    model = script(tmp_path, [{"tool_calls": [call("list_files")]}] * 5)
    result = run(task, store, model, cancel=cancel, listeners=[listener])
    assert result.status == "cancelled" and result.outcome.turns == 1
    assert store.get_run(result.run_id)["status"] == "cancelled"
    assert ev.CHECK_RESULT not in seen  # a cancelled run is not verified


def test_native_agent_needs_a_model(task, tmp_path):
    with pytest.raises(ValueError, match="needs --model"):
        run_task(task, Store(tmp_path / "c.db"), agent="native", sandbox="bwrap")


def test_unknown_script_fails_cleanly(task, tmp_path):
    store = Store(tmp_path / "c.db")
    result = run(task, store, "scripted/does-not-exist.yaml")
    assert result.status == "failed" and "no such script file" in result.error
