"""Every built-in example task, on both sandbox backends: the oracle scores 100 and solves it,
the do-nothing agent does not, and the stored run replays: the workspace at every step
matches what the run's events say."""
from __future__ import annotations

import pytest

from core import events as ev
from core.runner import run_task
from core.task import default_task_root, load_tasks
from store import Store

TASKS, ERRORS = load_tasks(default_task_root() / "examples")


def test_examples_load():
    assert not ERRORS, ERRORS
    assert len(TASKS) >= 6


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return Store(tmp_path_factory.mktemp("db") / "examples.db")


@pytest.mark.parametrize("task", TASKS, ids=[t.id for t in TASKS])
def test_oracle_solves_and_null_does_not(task, backend, store):
    oracle = run_task(task, store, agent="oracle", sandbox=backend)
    failed = [c for c in oracle.verdict.checks if not c.passed]
    assert oracle.status == "finished", oracle.error
    assert oracle.score == 100.0 and oracle.solved, failed
    assert not any(e.payload.get("where") == "oracle" for e in store.events(oracle.run_id, types=(ev.ERROR,)))

    null = run_task(task, store, agent="null", sandbox=backend)
    assert null.status == "finished" and not null.solved
    assert null.score < 100.0

    # Replay: fold the workspace_changed events and compare each step with the file contents stored.
    events = list(store.events(oracle.run_id))
    initial = set(task.workspace_files())
    first_tool = next(e.seq for e in events if e.type == ev.TOOL_CALL)
    assert set(store.workspace_at(oracle.run_id, first_tool)) == initial
    tree: dict[str, str] = {}
    for e in events:
        if e.type != ev.WORKSPACE_CHANGED:
            continue
        if e.payload["op"] == "deleted":
            tree.pop(e.payload["path"])
        else:
            tree[e.payload["path"]] = e.payload["sha256"]
        assert store.workspace_at(oracle.run_id, e.seq) == dict(sorted(tree.items()))
    for path, digest in store.workspace_at(oracle.run_id).items():
        data = store.get_blob(digest)
        assert data is not None, path
        import hashlib

        assert hashlib.sha256(data).hexdigest() == digest
