"""The replay timeline: the incremental workspace fold agrees with the store's at every step,
in any order of moves, and the jumps land where they should."""
from __future__ import annotations

import random

from core.replay import CHECKPOINT_EVERY, Timeline, unified_diff
from store import Store


def build_run(store: Store, n_changes: int = 3 * CHECKPOINT_EVERY + 17, seed: int = 7) -> list[int]:
    rng = random.Random(seed)
    store.create_run("r", task_id="t", agent="oracle")
    store.append_event("r", "run_started", {"instruction": "x", "task_id": "t", "agent": "oracle", "sandbox": "bwrap"})
    files: set[str] = set()
    for i in range(n_changes):
        if i % 5 == 0:
            store.append_event("r", "tool_call", {"call_id": f"c{i}", "name": "exec", "arguments": {}})
            store.append_event("r", "tool_result", {"call_id": f"c{i}", "name": "exec", "ok": i % 15 != 0, "output": ""})
        path = f"d{rng.randrange(5)}/f{rng.randrange(40)}.txt"
        if path in files and rng.random() < 0.3:
            files.discard(path)
            store.append_event("r", "workspace_changed", {"path": path, "op": "deleted", "sha256": None})
        else:
            digest = store.put_blob(f"{path} v{i}\n".encode())
            op = "modified" if path in files else "added"
            files.add(path)
            store.append_event("r", "workspace_changed", {"path": path, "op": op, "sha256": digest})
    store.append_event("r", "check_result", {"id": "a", "passed": True})
    store.append_event("r", "check_result", {"id": "b", "passed": False})
    return [e.seq for e in store.events("r")]


def test_tree_matches_store_fold_in_random_order(tmp_path):
    store = Store(tmp_path / "r.db")
    seqs = build_run(store)
    timeline = Timeline.load(store, "r")
    assert len(timeline) == len(seqs)
    rng = random.Random(1)
    order = [rng.randrange(len(seqs)) for _ in range(60)] + list(range(len(seqs) - 1, -1, -97)) + [0, len(seqs) - 1]
    for index in order:
        timeline.seek(index)
        assert timeline.tree() == store.workspace_at("r", seqs[index]), index


def test_stepping_one_at_a_time_both_ways(tmp_path):
    store = Store(tmp_path / "r.db")
    seqs = build_run(store, n_changes=300)
    timeline = Timeline.load(store, "r")
    expected = {i: store.workspace_at("r", s) for i, s in enumerate(seqs) if i % 7 == 0}
    for i in range(len(seqs)):
        timeline.step(1)
        if i in expected:
            assert timeline.tree() == expected[i]
    for i in range(len(seqs) - 1, -1, -1):
        if i in expected:
            assert timeline.tree() == expected[i]
        timeline.step(-1)


def test_jumps(tmp_path):
    store = Store(tmp_path / "r.db")
    build_run(store, n_changes=40)
    t = Timeline.load(store, "r")
    first_tool = t.jump("tool_call")
    assert t.events[first_tool].type == "tool_call"
    err = t.jump("error")
    assert t.events[err].type == "tool_result" and not t.events[err].payload["ok"]
    change = t.jump("change")
    assert t.events[change].type == "workspace_changed" and change > err
    failed = t.jump("failed_check")
    assert t.events[failed].payload["id"] == "b"
    assert t.jump("failed_check") == failed  # "first failed check" searches from the start
    t.seek(len(t) - 1)
    assert t.jump("tool_call") is None and t.cursor == len(t) - 1
    assert t.jump("tool_call", forward=False) is not None


def test_live_append_keeps_the_cursor_tree_right(tmp_path):
    store = Store(tmp_path / "r.db")
    build_run(store, n_changes=50)
    events = list(store.events("r"))
    live = Timeline("r")
    for e in events:
        live.append(e)
        live.seek(len(live) - 1)
        assert live.tree() == store.workspace_at("r", e.seq)


def test_changes_at_and_diff(tmp_path):
    store = Store(tmp_path / "r.db")
    store.create_run("r", task_id="t", agent="oracle")
    a, b = store.put_blob(b"one\ntwo\n"), store.put_blob(b"one\nthree\n")
    store.append_event("r", "workspace_changed", {"path": "x.md", "op": "added", "sha256": a})
    store.append_event("r", "tool_call", {"call_id": "c", "name": "edit_file", "arguments": {}})
    store.append_event("r", "tool_result", {"call_id": "c", "name": "edit_file", "ok": True, "output": ""})
    store.append_event("r", "workspace_changed", {"path": "x.md", "op": "modified", "sha256": b})
    t = Timeline.load(store, "r")
    t.seek(3)
    changes = t.changes_at()
    assert [(c.path, c.op, c.before, c.sha256) for c in changes] == [("x.md", "modified", a, b)]
    diff = unified_diff(store, "x.md", changes[0].before, changes[0].sha256)
    assert "-two\n" in diff and "+three\n" in diff and diff.startswith("--- a/x.md")
    assert unified_diff(store, "x.md", None, a).startswith("--- /dev/null")
