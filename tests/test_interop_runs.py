"""External tasks run unchanged through our runner, sandboxes and store: the reference solutions
solve every task, the null agent does not, each checker value lands as a per-check result, and the
workspace is where the checkers (and the file tools) expect it, on bwrap and docker."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from core import events as ev
from core.interop import load_external
from core.replay import Timeline
from core.runner import run_task
from store import Store

FIXTURES = Path(__file__).parent / "fixtures" / "interop"
# task id -> (fixture folder, score of the null agent: the mean of what its checks give an untouched workspace)
TASKS = {
    "cg_expense_summary": ("clawgym", 0.0),
    "cg-report-script": ("clawgym", 33.33),      # the buggy script runs; its total is wrong; no notes
    "cg-rename-config": ("clawgym", 33.33),      # reward.sh: one of three conditions holds
    "task_jl_action_items": ("jsonl", 25.0),     # the booleans checker: 'no blocker listed' holds
    "tasks-2": ("jsonl", 0.0),
    "jl-backup-rotate": ("jsonl", 50.0),         # a lone number printed by the hook
    "task_01_ics_event": ("pinchbench", 0.0),
    "task_02_budget_review": ("pinchbench", 0.0),
    "task_03_two_sessions": ("pinchbench", 0.0),
}
JUDGE_ONLY = "task_04_tone_judge"
DOCKER_TASKS = ("cg_expense_summary", "task_jl_action_items", "task_01_ics_event")


@pytest.fixture(scope="module")
def tasks(tmp_path_factory):
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
        found = {}
        for folder in ("clawgym", "jsonl", "pinchbench"):
            loaded, errors = load_external(FIXTURES / folder)
            assert not errors, [str(e) for e in errors]
            found.update({t.id: t for t in loaded})
    return found


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return Store(tmp_path_factory.mktemp("db") / "interop.db")


def _oracle_and_null(task, store, backend):
    oracle = run_task(task, store, agent="oracle", sandbox=backend)
    assert oracle.status == "finished", oracle.error
    assert not list(store.events(oracle.run_id, types=(ev.ERROR,))), "a reference solution step failed"
    assert (oracle.score, oracle.solved) == (100.0, True), [(c.id, c.value, c.message) for c in oracle.verdict.checks]
    null = run_task(task, store, agent="null", sandbox=backend)
    assert null.status == "finished" and not null.solved
    return oracle, null


@pytest.mark.parametrize("task_id", list(TASKS))
def test_reference_solves_and_null_does_not_bwrap(task_id, tasks, store, bwrap_backend):
    oracle, null = _oracle_and_null(tasks[task_id], store, bwrap_backend)
    assert null.score == TASKS[task_id][1]
    # every value the checker returned is a check of its own, in the events and the scores table
    names = [c.id for c in oracle.verdict.checks]
    events = [e.payload["id"] for e in store.events(oracle.run_id, types=(ev.CHECK_RESULT,))]
    rows = [s["name"] for s in store.scores(oracle.run_id) if s["kind"] == "check"]
    assert names == events == rows and len(names) >= 1
    weight = tasks[task_id].checks[0].weight
    assert sum(c.weight for c in oracle.verdict.checks) == pytest.approx(weight)


@pytest.mark.parametrize("task_id", DOCKER_TASKS)
def test_reference_solves_and_null_does_not_docker(task_id, tasks, store, docker_backend):
    _, null = _oracle_and_null(tasks[task_id], store, docker_backend)
    assert null.score == TASKS[task_id][1]


def test_per_check_results_show_what_failed(tasks, store, bwrap_backend):
    null = run_task(tasks["cg-report-script"], store, agent="null", sandbox=bwrap_backend)
    by = {c.id: c for c in null.verdict.checks}
    assert set(by) == {"reward.script_runs", "reward.total_correct", "reward.notes_written"}
    assert by["reward.script_runs"].passed and not by["reward.total_correct"].passed   # ran the workspace script
    rows = {s["name"]: s for s in store.scores(null.run_id)}
    assert rows["reward.total_correct"]["points"] == 0 and rows["reward.script_runs"]["points"] == pytest.approx(0.7 / 3)
    assert rows["notes-explain-the-fix"]["kind"] == "rubric" and rows["notes-explain-the-fix"]["passed"] is None
    timeline = Timeline.load(store, null.run_id)                 # Replay jumps to the first failed check
    assert timeline.events[timeline.jump("failed_check")].payload["id"] == "reward.total_correct"


def test_judge_only_task_without_a_judge(tasks, store, bwrap_backend):
    run = run_task(tasks[JUDGE_ONLY], store, agent="oracle", sandbox=bwrap_backend)
    assert run.status == "finished" and (run.score, run.solved) == (0.0, False)
    assert [r.judged for r in run.verdict.rubric] == [False] and not run.verdict.checks


def test_hybrid_scores_with_a_judge(tasks, store, tmp_path, bwrap_backend):
    """0.7 x code + 0.3 x rubric for ClawGym, the grading_weights for PinchBench; the PinchBench
    judge reads the transcript."""
    verdict = tmp_path / "judge.yaml"
    verdict.write_text(yaml.safe_dump([{"content": '{"score": 0.5, "reason": "half there"}'}]))
    judge = f"scripted/{verdict}"
    clawgym = run_task(tasks["cg-report-script"], store, agent="oracle", sandbox=bwrap_backend, judge=judge)
    assert (clawgym.score, clawgym.solved) == (85.0, False)          # 0.7 x 1 + 0.3 x 0.5; rubric under 0.7
    pinch = run_task(tasks["task_02_budget_review"], store, agent="oracle", sandbox=bwrap_backend, judge=judge)
    assert pinch.score == 80.0                                       # 0.6 x 1 + 0.4 x 0.5
    judge_only = run_task(tasks[JUDGE_ONLY], store, agent="oracle", sandbox=bwrap_backend, judge=judge)
    assert (judge_only.score, judge_only.solved) == (50.0, False)


def test_native_agent_uses_the_absolute_workspace_path(tasks, store, tmp_path, bwrap_backend):
    """An agent that follows a ClawGym prompt to the letter writes to /root/.openclaw/workspace/...;
    the file tools take that path, and the checker receives the transcript."""
    script = tmp_path / "agent.yaml"
    content = "- [ ] Dana: finish the Q2 budget draft by Friday\n- [ ] Lee: send the vendor contract to legal\n"
    script.write_text(yaml.safe_dump([
        {"content": "Reading the notes.", "tool_calls": [{"name": "read_file",
                                                          "arguments": {"path": "/root/.openclaw/workspace/notes/standup.txt"}}]},
        {"content": "Writing the action items.", "tool_calls": [{"name": "write_file", "arguments": {
            "path": "/root/.openclaw/workspace/actions.md", "content": content}}]},
        {"content": "Done."},
    ]))
    run = run_task(tasks["task_jl_action_items"], store, agent="native", model=f"scripted/{script}", sandbox=bwrap_backend)
    assert (run.status, run.score, run.solved) == ("finished", 100.0, True)
    results = [e.payload for e in store.events(run.run_id, types=(ev.TOOL_RESULT,))]
    assert all(r["ok"] for r in results)
    assert store.workspace_at(run.run_id).keys() == {"notes/standup.txt", "actions.md"}


def test_bench_runs_an_external_suite(tmp_path, monkeypatch, bwrap_backend, capsys):
    """`clawbench bench --suite` takes a folder holding a ClawGym JSONL file like any suite."""
    from clawbench_tui.cli import main

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    db = tmp_path / "bench.db"
    assert main(["bench", "--suite", str(FIXTURES / "jsonl"), "--agent", "oracle", "--sandbox", bwrap_backend,
                 "--db", str(db), "-j", "2"]) == 0
    assert "3 counted, 0 failed" in capsys.readouterr().out
    runs = Store(db).list_runs()
    assert sorted(r["task_id"] for r in runs) == ["jl-backup-rotate", "task_jl_action_items", "tasks-2"]
    assert all(r["score"] == 100.0 for r in runs)


def test_a_jsonl_file_is_a_suite(tmp_path, bwrap_backend):
    """`clawbench bench --suite tasks.jsonl` takes the file itself, converted on load."""
    from pathlib import Path

    from core.report import suite_report
    from core.suite import load_suite, resolve_suite, run_suite
    from store import Store

    jsonl = Path(__file__).parent / "fixtures" / "interop" / "jsonl" / "tasks.jsonl"
    ref = resolve_suite(str(jsonl))
    assert ref.name == "tasks" and ref.path == jsonl.resolve()
    suite, tasks, errors = load_suite(str(jsonl))
    assert len(tasks) == 3 and not errors
    store = Store(tmp_path / "s.db")
    outcome = run_suite(store, tasks, suite=suite, agent="oracle", sandbox=bwrap_backend, jobs=2)
    report = suite_report(store, outcome.suite_run_id)
    assert report.overall.score == 100.0 and report.overall.solved_rate == 1.0
