"""The suite runner and its reports, through the core API the CLI and the TUI share: real
sandboxes (bwrap, one docker case), a real SQLite store."""
from __future__ import annotations

import math
import shutil
import subprocess
import sys
import threading
import time

import pytest
import yaml

from core.report import compare_reports, pass_at_k, render_report, suite_report
from core.suite import (install_model_gate, load_suite, model_calls_limited_by, resolve_suite, run_suite,
                        validate_suite)
from core.task import load_tasks
from store import Store
from test_suite_helpers import GOOD_MUTANT, HARMLESS_MUTANT, make_suite, make_task


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "suite.db")
    yield s
    s.close()


# ------------------------------------------------------------------ pass@k

def test_pass_at_k_matches_the_combinatorial_definition():
    for n in range(1, 9):
        for c in range(n + 1):
            for k in range(1, n + 1):
                expected = 1 - math.comb(n - c, k) / math.comb(n, k)
                assert pass_at_k(n, c, k) == pytest.approx(expected)
    assert pass_at_k(2, 1, 1) == 0.5 and pass_at_k(2, 1, 2) == 1.0 and pass_at_k(5, 0, 3) == 0.0
    assert pass_at_k(10, 3, 5) == pytest.approx(1 - 21 / 252)
    assert 0.0 < pass_at_k(1000, 1, 10) < 1.0   # large n: no overflow
    for bad in [(2, 3, 1), (2, 1, 3), (2, 1, 0)]:
        with pytest.raises(ValueError, match="pass@k needs"):
            pass_at_k(*bad)


def _fake_suite_run(store: Store, suite_run_id: str, outcomes: dict[str, list[bool]], agent: str = "native") -> None:
    """A suite run with runs whose solved flags we choose (the estimator's inputs)."""
    samples = len(next(iter(outcomes.values())))
    store.create_suite_run(suite_run_id, suite="fake", suite_path="/fake", agent=agent, model="m", samples=samples,
                           status="finished", config={"tasks": [{"id": t, "domain": "analysis", "difficulty": "hard",
                                                                  "capabilities": ["long-range"]} for t in outcomes]})
    for task_id, solved in outcomes.items():
        for sample, ok in enumerate(solved):
            run_id = f"{suite_run_id}-{task_id}-{sample}"
            store.create_run(run_id, task_id=task_id, agent=agent, suite_run_id=suite_run_id, sample=sample)
            store.update_run(run_id, status="finished", score=100.0 if ok else 40.0, solved=int(ok),
                             finished_at=time.time(), tokens_in=10, tokens_out=5, cost=0.01)


def test_report_averages_pass_at_k_over_tasks(store):
    _fake_suite_run(store, "sA", {"a": [True, False, False], "b": [False, False, False], "c": [True, True, True]})
    r = suite_report(store, "sA")
    assert r.overall.pass_at_k[1] == pytest.approx((1 / 3 + 0 + 1) / 3)
    assert r.overall.pass_at_k[3] == pytest.approx((1 + 0 + 1) / 3)
    assert r.overall.solved_rate == pytest.approx(4 / 9)
    assert r.overall.score == pytest.approx((4 * 100 + 5 * 40) / 9)
    assert (r.tokens_in, r.tokens_out, r.cost) == (90, 45, pytest.approx(0.09))
    assert [g.name for g in r.by_domain] == ["analysis"] and r.by_capability[0].name == "long-range"
    assert "pass@3" in render_report(r)


# ------------------------------------------------------------------ the examples suite

@pytest.fixture(scope="module")
def examples_store(tmp_path_factory):
    return Store(tmp_path_factory.mktemp("examples") / "examples.db")


def test_examples_suite_oracle_and_null(examples_store, bwrap_backend):
    suite, tasks, errors = load_suite("examples")
    assert not errors and suite.name == "examples"
    seen = []
    oracle = run_suite(examples_store, tasks, suite=suite, agent="oracle", jobs=2, sandbox=bwrap_backend,
                       on_run_done=seen.append)
    assert oracle.status == "finished" and not oracle.resumed and len(oracle.results) == len(tasks)
    assert [p.done for p in seen] == list(range(1, len(tasks) + 1)) and seen[-1].eta_s == 0
    report = suite_report(examples_store, oracle.suite_run_id)
    assert report.overall.score == 100.0 and report.overall.solved_rate == 1.0 and report.complete
    assert {g.name for g in report.by_domain} == {t.domain for t in tasks}
    assert all(g.score == 100.0 and g.tasks == 1 for g in report.by_domain)
    assert report.by_difficulty and report.by_capability and report.overall.pass_at_k == {1: 1.0}
    runs = examples_store.runs_of_suite_run(oracle.suite_run_id)
    assert {(r["task_id"], r["sample"]) for r in runs} == {(t.id, 0) for t in tasks}

    null = run_suite(examples_store, tasks, suite=suite, agent="null", jobs=2, sandbox=bwrap_backend)
    null_report = suite_report(examples_store, null.suite_run_id)
    assert null_report.overall.solved_rate == 0.0 and null_report.overall.score < 50

    comparison = compare_reports(report, null_report)
    assert sorted(comparison.lost) == sorted(t.id for t in tasks) and not comparison.gained
    assert comparison.groups[0].score_delta == pytest.approx(null_report.overall.score - 100.0)
    assert all(t.delta <= 0 for t in comparison.tasks)


def test_samples_give_pass_at_k(store, tmp_path, bwrap_backend):
    suite, tasks, _ = load_suite(make_suite(tmp_path / "s", 2))
    result = run_suite(store, tasks, suite=suite, agent="oracle", samples=3, jobs=2, sandbox=bwrap_backend)
    report = suite_report(store, result.suite_run_id)
    assert len(result.results) == 6 and report.counted_runs == 6
    assert sorted({r.sample for t in report.tasks for r in t.runs}) == [0, 1, 2]
    assert report.overall.pass_at_k == {1: 1.0, 3: 1.0}


# ------------------------------------------------------------------ resume

def test_cancelled_suite_resumes_only_missing_runs(store, tmp_path, bwrap_backend):
    suite, tasks, _ = load_suite(make_suite(tmp_path / "s", 3))
    cancel = threading.Event()
    first = run_suite(store, tasks, suite=suite, agent="oracle", sandbox=bwrap_backend, cancel=cancel,
                      on_run_done=lambda p: cancel.set())
    assert first.status == "interrupted" and len(first.results) == 1
    row = store.get_suite_run(first.suite_run_id)
    assert row["status"] == "interrupted" and row["finished_at"] is None
    assert suite_report(store, first.suite_run_id).missing_runs == 2

    again = run_suite(store, tasks, suite=suite, agent="oracle", sandbox=bwrap_backend)  # the same command
    assert again.suite_run_id == first.suite_run_id and again.resumed and again.skipped == 1
    assert sorted(r.task_id for r in again.results) == sorted(t.id for t in tasks if t.id != first.results[0].task_id)
    assert again.status == "finished" and store.get_suite_run(first.suite_run_id)["config"]["invocations"] == 2
    report = suite_report(store, first.suite_run_id)
    assert report.complete and report.counted_runs == 3 and report.overall.score == 100.0

    # finished: the same command now starts a new suite run; --resume of the finished one runs nothing
    fresh = run_suite(store, tasks[:1], suite=suite, agent="oracle", sandbox=bwrap_backend)
    assert fresh.suite_run_id != first.suite_run_id and not fresh.resumed
    noop = run_suite(store, tasks, suite=suite, agent="oracle", sandbox=bwrap_backend, resume=first.suite_run_id)
    assert noop.results == [] and noop.skipped == 3 and noop.status == "finished"


def test_runs_left_by_a_killed_process_run_again(store, tmp_path, bwrap_backend):
    """What kill -9 leaves: the suite run and one of its runs 'running' under a dead pid."""
    suite, tasks, _ = load_suite(make_suite(tmp_path / "s", 2))
    done = run_suite(store, tasks[:1], suite=suite, agent="oracle", sandbox=bwrap_backend, new=True)
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    store.update_suite_run(done.suite_run_id, status="running", finished_at=None, pid=dead.pid)
    store.create_run("orphan", task_id=tasks[1].id, agent="oracle", suite_run_id=done.suite_run_id, sample=0)
    store.update_run("orphan", pid=dead.pid)

    again = run_suite(store, tasks, suite=suite, agent="oracle", sandbox=bwrap_backend)
    assert again.suite_run_id == done.suite_run_id and again.resumed
    assert [r.task_id for r in again.results] == [tasks[1].id]
    assert store.get_run("orphan")["status"] == "interrupted"
    report = suite_report(store, done.suite_run_id)
    assert report.complete and report.task(tasks[1].id).runs[0].run_id == again.results[0].run_id


def test_resume_errors_name_the_argument(store, tmp_path, bwrap_backend):
    suite, tasks, _ = load_suite(make_suite(tmp_path / "s", 1))
    first = run_suite(store, tasks, suite=suite, agent="oracle", sandbox=bwrap_backend)
    with pytest.raises(ValueError, match="--resume: no suite run 'nope'"):
        run_suite(store, tasks, suite=suite, agent="oracle", sandbox=bwrap_backend, resume="nope")
    with pytest.raises(ValueError, match="--agent: suite run .* was started with 'oracle', got 'null'"):
        run_suite(store, tasks, suite=suite, agent="null", sandbox=bwrap_backend, resume=first.suite_run_id)
    with pytest.raises(ValueError, match="--samples must be a positive integer, got 0"):
        run_suite(store, tasks, suite=suite, agent="oracle", samples=0)
    with pytest.raises(ValueError, match="--suite: no loadable tasks"):
        run_suite(store, [], suite=suite, agent="oracle")
    with pytest.raises(ValueError, match="--suite: 'no-such-suite' is neither a folder nor a built-in suite"):
        resolve_suite("no-such-suite")
    (tmp_path / "empty").mkdir()
    with pytest.raises(ValueError, match="no task.yaml under"):
        load_suite(tmp_path / "empty")
    with pytest.raises(ValueError, match="SUITE_RUN_ID: no suite run 'zzz'"):
        suite_report(store, "zzz")


# ------------------------------------------------------------------ failures do not stop a suite

def test_crashing_tasks_fail_alone(store, tmp_path, bwrap_backend):
    root = make_suite(tmp_path / "s", 4)
    suite, tasks, _ = load_suite(root)
    by_id = {t.id: t for t in tasks}
    (by_id["t1"].path / "solution" / "out.txt").unlink()      # the agent crashes (solution file gone)
    shutil.rmtree(by_id["t2"].workspace_dir)                 # the sandbox cannot be created
    (by_id["t3"].path / "task.yaml").unlink()                # run_task itself raises before its run row
    result = run_suite(store, tasks, suite=suite, agent="oracle", jobs=2, sandbox=bwrap_backend)
    assert result.status == "finished"
    status = {r.task_id: r for r in result.results}
    assert status["t0"].status == "finished" and status["t0"].solved
    for tid in ("t1", "t2", "t3"):
        assert status[tid].status == "failed" and status[tid].error, tid
        assert store.get_run(status[tid].run_id)["status"] == "failed"
    report = suite_report(store, result.suite_run_id)
    assert report.failed_runs == 3 and report.overall.solved_rate == 0.25 and report.complete
    assert "FileNotFoundError" in render_report(report)


def test_model_errors_fail_runs_and_tokens_are_counted(store, tmp_path, bwrap_backend):
    suite, tasks, _ = load_suite(make_suite(tmp_path / "s", 2))
    good = tmp_path / "good.yaml"
    good.write_text(yaml.safe_dump([
        {"tool_calls": [{"name": "write_file", "arguments": {"path": "out.txt", "content": "ok\n"}}],
         "usage": {"prompt_tokens": 100, "completion_tokens": 20}},
        {"content": "done", "usage": {"prompt_tokens": 150, "completion_tokens": 5}}]))
    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump([{"error": "AuthenticationError", "times": 99}, {"content": "never"}]))

    ok = run_suite(store, tasks, suite=suite, agent="native", model=f"scripted/{good}", jobs=2,
                   model_concurrency=1, sandbox=bwrap_backend)
    report = suite_report(store, ok.suite_run_id)
    assert report.overall.solved_rate == 1.0
    assert (report.tokens_in, report.tokens_out) == (2 * 250, 2 * 25)

    failing = run_suite(store, tasks, suite=suite, agent="native", model=f"scripted/{bad}", jobs=2,
                        sandbox=bwrap_backend)
    assert failing.status == "finished" and all(r.status == "failed" for r in failing.results)
    assert all("AuthenticationError" in r.error for r in failing.results)
    assert suite_report(store, failing.suite_run_id).failed_runs == 2


def test_model_gate_bounds_calls_in_flight(monkeypatch):
    from core.models import litellm

    lib = litellm()
    in_flight, peak, lock = [0], [0], threading.Lock()

    def slow_completion(**kwargs):
        with lock:
            in_flight[0] += 1
            peak[0] = max(peak[0], in_flight[0])
        time.sleep(0.05)
        with lock:
            in_flight[0] -= 1
        return "ok"

    monkeypatch.setattr(lib, "completion", slow_completion)
    install_model_gate()
    install_model_gate()  # idempotent: one wrapper
    assert lib.completion.__wrapped__ is slow_completion
    gate = threading.Semaphore(2)

    def caller():
        with model_calls_limited_by(gate):
            assert lib.completion(model="x") == "ok"

    threads = [threading.Thread(target=caller) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert peak[0] == 2
    peak[0] = 0
    threads = [threading.Thread(target=lambda: lib.completion(model="x")) for _ in range(4)]  # no gate
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert peak[0] > 2


def test_docker_suite(store, tmp_path, docker_backend):
    suite, tasks, _ = load_suite(make_suite(tmp_path / "s", 2))
    result = run_suite(store, tasks, suite=suite, agent="oracle", jobs=2, sandbox=docker_backend)
    report = suite_report(store, result.suite_run_id)
    assert result.status == "finished" and report.overall.score == 100.0 and report.sandbox == "docker"


# ------------------------------------------------------------------ validation

def test_validate_suite(tmp_path, bwrap_backend):
    root = tmp_path / "s"
    make_task(root, "good", mutants=[GOOD_MUTANT])
    make_task(root, "blunt", mutants=[GOOD_MUTANT, HARMLESS_MUTANT])
    make_task(root, "no-mutants")
    (root / "broken" / "workspace").mkdir(parents=True)
    (root / "broken" / "task.yaml").write_text("id: broken\ntitle: b\ndomain: cooking\n")
    tasks, errors = load_tasks(root)
    done = []
    results = {v.task_id: v for v in validate_suite(tasks, errors=errors, sandbox=bwrap_backend, jobs=2,
                                                    on_task_done=done.append)}
    assert len(done) == 4 and set(results) == {"good", "blunt", "no-mutants", "broken"}
    good = results["good"]
    assert good.valid and good.oracle.score == 100.0 and not good.null.solved and good.mutants_failing == 1
    blunt = results["blunt"]
    assert not blunt.valid and (blunt.mutants_failing, len(blunt.mutants)) == (1, 2)
    assert any("mutant stray-file still solves it" in r for r in blunt.reasons)
    assert results["no-mutants"].reasons == ["no mutants: add at least one near-miss that must fail"]
    broken = results["broken"]
    assert not broken.valid and "broken/task.yaml" in broken.load_error and broken.oracle is None


def test_validate_flags_a_reference_solution_with_failing_steps(tmp_path, bwrap_backend):
    """A solution step that fails (an edit whose text is not there) makes the task invalid even
    when its checks happen to pass: the reference solution must replay cleanly."""
    root = tmp_path / "s"
    folder = make_task(root, "sloppy", mutants=[GOOD_MUTANT])
    spec = yaml.safe_load((folder / "task.yaml").read_text())
    spec["solution"].append({"tool": "edit_file", "args": {"path": "input.txt", "old": "not there", "new": "x"}})
    (folder / "task.yaml").write_text(yaml.safe_dump(spec, sort_keys=False))
    tasks, errors = load_tasks(root)
    [result] = validate_suite(tasks, errors=errors, sandbox=bwrap_backend)
    assert result.oracle.score == 100.0 and not result.valid
    assert any("reference solution has failing steps" in r and "edit_file" in r for r in result.reasons)


def test_validate_flags_a_mutant_that_does_not_apply(tmp_path, bwrap_backend):
    """A mutant whose own step fails leaves the reference output intact or half-spoiled: it would
    'fail' for the wrong reason, so validation says the mutant did not apply."""
    root = tmp_path / "s"
    broken_mutant = {"id": "typo", "description": "edits text that is not there",
                     "steps": [{"tool": "edit_file", "args": {"path": "out.txt", "old": "absent", "new": "x"}},
                               {"tool": "delete_file", "args": {"path": "out.txt"}}]}
    make_task(root, "m", mutants=[GOOD_MUTANT, broken_mutant])
    tasks, errors = load_tasks(root)
    [result] = validate_suite(tasks, errors=errors, sandbox=bwrap_backend)
    assert not result.valid and result.mutants_failing == 2
    assert any(r.startswith("mutant typo did not apply") for r in result.reasons)
