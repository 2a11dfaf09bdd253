"""ATIF v1.4: a stored run exports to a valid trajectory, the validator catches what v1.4 forbids
(naming the step and field), and export -> import -> export gives the same steps. Also the
OpenClaw-shaped transcript external checkers are handed."""
from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from clawbench_tui.cli import main
from core import events as ev
from core.agent import SYSTEM_PROMPT
from core.export import openai_messages
from core.interop.atif import AtifError, check_atif, export_atif, import_atif, iso_time, validate_atif
from core.interop.transcript import openclaw_transcript, transcript_summary
from core.replay import Timeline
from core.runner import run_task
from core.task import load_task
from store import Store

EXAMPLE = Path(__file__).parents[1] / "core" / "suites" / "examples" / "sys-ratelimit-audit"
T0 = 1_764_000_000.0


@pytest.fixture
def store(tmp_path):
    return Store(tmp_path / "atif.db")


def synthetic_run(store: Store) -> str:
    """A native-looking run with text, two tool calls in one turn, a failed tool, a later user message,
    tokens and cost, and check results: every branch of the export."""
    run_id = "20250101-000000-abcdef"
    store.create_run(run_id, task_id="demo-task", agent="native", model="openai/gpt-4.1", sandbox="bwrap")
    put = lambda kind, dt, **p: store.append_event(run_id, kind, p, ts=T0 + dt)  # noqa: E731
    put(ev.RUN_STARTED, 0, task_id="demo-task", title="Demo", instruction="Fix the report.", agent="native",
        model="openai/gpt-4.1", judge=None, sandbox="bwrap", limits={})
    calls = [{"id": "call_a", "type": "function", "function": {"name": "read_file", "arguments": '{"path": "r.md"}'}},
             {"id": "call_b", "type": "function", "function": {"name": "exec", "arguments": '{"command": "false"}'}}]
    put(ev.MODEL_RESPONSE, 1.5, turn=0, model="openai/gpt-4.1", latency_s=1.2, tokens_in=120, tokens_out=30, cost=0.0012,
        message={"role": "assistant", "content": "Let me look.", "tool_calls": calls})
    put(ev.TOOL_CALL, 1.6, call_id="call_a", name="read_file", arguments={"path": "r.md"})
    put(ev.TOOL_RESULT, 1.7, call_id="call_a", name="read_file", ok=True, output="# Report\n", exit_code=None,
        truncated=False, duration_s=0.01)
    put(ev.TOOL_CALL, 1.8, call_id="call_b", name="exec", arguments={"command": "false"})
    put(ev.TOOL_RESULT, 1.9, call_id="call_b", name="exec", ok=False, output="exit code: 1", exit_code=1,
        truncated=False, duration_s=0.02)
    put(ev.WORKSPACE_CHANGED, 1.95, path="r.md", op="modified", sha256="0" * 64, size=9)
    put(ev.MODEL_REQUEST, 2.0, turn=1, model=None, source="user", message="Also add a summary line.", new_messages=[])
    put(ev.MODEL_RESPONSE, 3.25, turn=1, model="openai/gpt-4.1", latency_s=1.0, tokens_in=200, tokens_out=12,
        cost=0.0009, message={"role": "assistant", "content": "Done."})
    put(ev.CHECK_RESULT, 3.3, id="report", type="regex", passed=True, weight=1.0, description="the report",
        observed="1 matches", expected="a match", message="", value=None)
    put(ev.SCORE, 3.3, score=100.0, solved=True)
    put(ev.RUN_FINISHED, 3.4, status="finished", score=100.0, solved=True, reason="done", turns=2, tokens_in=320,
        tokens_out=42, cost=0.0021, duration_s=3.4)
    store.update_run(run_id, status="finished", score=100.0, solved=1, turns=2, tokens_in=320, tokens_out=42, cost=0.0021)
    return run_id


def test_export_shape(store):
    doc = export_atif(store, synthetic_run(store))
    assert validate_atif(doc) == []
    assert doc["schema_version"] == "ATIF-v1.4" and doc["session_id"] == "20250101-000000-abcdef"
    assert doc["agent"]["name"] == "clawbench" and doc["agent"]["model_name"] == "openai/gpt-4.1"
    steps = doc["steps"]
    assert [(s["step_id"], s["source"]) for s in steps] == [(1, "system"), (2, "user"), (3, "agent"), (4, "user"), (5, "agent")]
    agent = steps[2]
    assert agent["timestamp"] == iso_time(T0 + 1.5) == "2025-11-24T16:00:01.500Z"
    assert agent["tool_calls"][1] == {"tool_call_id": "call_b", "function_name": "exec", "arguments": {"command": "false"}}
    assert agent["observation"]["results"] == [{"source_call_id": "call_a", "content": "# Report\n"},
                                               {"source_call_id": "call_b", "content": "exit code: 1"}]
    assert agent["metrics"] == {"prompt_tokens": 120, "completion_tokens": 30, "cost_usd": 0.0012}
    assert agent["extra"]["clawbench"]["tool_results"]["call_b"] == {"ok": False, "exit_code": 1}
    assert "metrics" not in steps[3] and steps[3]["message"] == "Also add a summary line."
    assert doc["final_metrics"] == {"total_prompt_tokens": 320, "total_completion_tokens": 42,
                                    "total_cost_usd": 0.0021, "total_steps": 5}
    assert doc["extra"]["score"] == 100.0 and doc["extra"]["checks"][0]["id"] == "report"


def test_round_trip(store, tmp_path):
    doc = export_atif(store, synthetic_run(store))
    path = tmp_path / "trajectory.json"
    path.write_text(json.dumps(doc))
    db = str(tmp_path / "atif.db")
    assert main(["import-run", str(path), "--db", db]) == 0
    imported = next(r for r in store.list_runs() if r["id"] != "20250101-000000-abcdef")
    assert (imported["status"], imported["score"], imported["solved"], imported["agent"]) == ("finished", 100.0, 1, "native")
    assert (imported["turns"], imported["tokens_in"], imported["tokens_out"]) == (2, 320, 42)
    again = export_atif(store, imported["id"])
    assert again["steps"] == doc["steps"]
    assert {k: again[k] for k in ("session_id", "agent", "final_metrics")} == \
        {k: doc[k] for k in ("session_id", "agent", "final_metrics")}
    # the imported run replays: its tool calls, results and checks are events of the usual kinds
    timeline = Timeline.load(store, imported["id"])
    kinds = [e.type for e in timeline.events]
    assert kinds[0] == ev.RUN_STARTED and kinds[-1] == ev.RUN_FINISHED
    assert kinds.count(ev.TOOL_RESULT) == 2 and kinds.count(ev.CHECK_RESULT) == 1
    assert timeline.jump("error") is not None                          # the failed exec is still an error


def test_real_run_exports_and_round_trips(store, tmp_path, bwrap_backend, capsys):
    task = load_task(EXAMPLE)
    run = run_task(task, store, agent="oracle", sandbox=bwrap_backend)
    out = tmp_path / "run.json"
    assert main(["export", run.run_id, "--format", "atif", "-o", str(out), "--db", str(tmp_path / "atif.db")]) == 0
    doc = json.loads(out.read_text())
    check_atif(doc)
    agent_steps = [s for s in doc["steps"] if s["source"] == "agent"]
    assert len(agent_steps) == run.outcome.turns and all(s["tool_calls"] for s in agent_steps)
    assert doc["extra"]["score"] == run.score and len(doc["extra"]["checks"]) == len(task.checks)
    new_id = import_atif(store, doc, origin=str(out))
    assert export_atif(store, new_id)["steps"] == doc["steps"]


def test_minimal_foreign_trajectory_imports_unscored(store):
    doc = {"schema_version": "ATIF-v1.4", "session_id": "abc", "agent": {"name": "harbor-agent", "version": "1.0"},
           "steps": [{"step_id": 1, "source": "user", "message": "hi"},
                     {"step_id": 2, "source": "agent", "message": "hello", "reasoning_content": "greet back"}]}
    run_id = import_atif(store, doc)
    run = store.get_run(run_id)
    assert (run["agent"], run["score"], run["status"], run["task_id"]) == ("harbor-agent", None, "finished", "atif-abc")
    again = export_atif(store, run_id)
    assert [s["source"] for s in again["steps"]] == ["user", "agent"]       # no system step was there
    assert again["steps"][1]["reasoning_content"] == "greet back"


def test_openai_export_of_imported_runs_keeps_their_own_prompts(store):
    doc = {"schema_version": "ATIF-v1.4", "session_id": "sys", "agent": {"name": "other-agent", "version": "2"},
           "steps": [{"step_id": 1, "source": "system", "message": "You are OtherAgent."},
                     {"step_id": 2, "source": "user", "message": "Tidy the notes."},
                     {"step_id": 3, "source": "agent", "message": "Which folder?"},
                     {"step_id": 4, "source": "user", "message": "notes/"},
                     {"step_id": 5, "source": "agent", "message": "Done."}]}
    messages = openai_messages(store.events(import_atif(store, doc)))
    assert [(m["role"], m["content"]) for m in messages] == [
        ("system", "You are OtherAgent."), ("user", "Tidy the notes."), ("assistant", "Which folder?"),
        ("user", "notes/"), ("assistant", "Done.")]
    bare = dict(doc, session_id="bare", steps=[dict(s, step_id=i + 1) for i, s in enumerate(doc["steps"][1:3])])
    assert [m["role"] for m in openai_messages(store.events(import_atif(store, bare)))] == ["user", "assistant"]
    # a native run still carries our system prompt
    assert openai_messages(store.events(synthetic_run(store)))[0] == {"role": "system", "content": SYSTEM_PROMPT}


def _broken(doc, mutate):
    bad = copy.deepcopy(doc)
    mutate(bad)
    return validate_atif(bad)


def test_validator_names_step_and_field(store):
    doc = export_atif(store, synthetic_run(store))
    assert _broken(doc, lambda d: d["steps"][3].update(step_id=7)) == \
        ["steps[3].step_id: 4 (step ids run 1, 2, 3, ... in order), got 7"]
    errors = _broken(doc, lambda d: d["steps"][2]["observation"]["results"][0].update(source_call_id="call_zzz"))
    assert errors and errors[0].startswith("steps[2].observation.results[0].source_call_id:") and "call_a" in errors[0]
    errors = _broken(doc, lambda d: d["steps"][1].update(metrics={"prompt_tokens": 1}, model_name="x"))
    assert {e.split(":")[0] for e in errors} == {"steps[1].metrics", "steps[1].model_name"}
    assert "only agent steps" in errors[0]
    errors = _broken(doc, lambda d: d["steps"][2]["tool_calls"][0].update(arguments='{"path": "r.md"}'))
    assert errors == ["steps[2].tool_calls[0].arguments: an object (a dict, possibly empty), got str"]
    assert _broken(doc, lambda d: d.update(schema_version="ATIF-v2.0"))[0].startswith("schema_version:")
    assert _broken(doc, lambda d: d["steps"][0].update(timestamp="yesterday"))[0].startswith("steps[0].timestamp:")
    assert _broken(doc, lambda d: d["steps"][1].update(observation={"results": []}))[0].startswith("steps[1].observation:")
    with pytest.raises(AtifError, match=r"steps\[3\]\.step_id"):
        check_atif(_mutated(doc, lambda d: d["steps"][3].update(step_id=9)))


def _mutated(doc, mutate):
    bad = copy.deepcopy(doc)
    mutate(bad)
    return bad


def test_import_run_rejects_an_invalid_file(tmp_path, capsys):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"schema_version": "ATIF-v1.4", "session_id": "s", "agent": {"name": "a", "version": "1"},
                                "steps": [{"step_id": 2, "source": "user", "message": "x"}]}))
    assert main(["import-run", str(path), "--db", str(tmp_path / "x.db")]) == 1
    assert "steps[0].step_id: 1" in capsys.readouterr().err


def test_openclaw_transcript(store):
    run_id = synthetic_run(store)
    transcript = openclaw_transcript(store.events(run_id))
    roles = [t["message"]["role"] for t in transcript]
    assert roles == ["user", "assistant", "toolResult", "toolResult", "user", "assistant"]
    assistant = transcript[1]["message"]
    assert assistant["content"][0] == {"type": "text", "text": "Let me look."}
    assert assistant["content"][1] == {"type": "toolCall", "id": "call_a", "name": "read", "arguments": {"path": "r.md"}}
    assert transcript[3]["message"]["isError"] and transcript[3]["message"]["toolCallId"] == "call_b"
    summary = transcript_summary(store.events(run_id))
    assert "User: Fix the report." in summary and 'Tool: exec({"command": "false"})' in summary
