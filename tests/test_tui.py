"""The Textual app driven with Pilot (each screen's main flow) and snapshots of every screen.

Snapshots use the built-in `examples` suite and runs with fixed ids, so they only change when
the screens do."""
from __future__ import annotations

import time

import pytest
from textual.widgets import DataTable, Static, TabbedContent

from clawbench_tui.app import ClawBenchApp
from clawbench_tui.screens.run_view import RunScreen
from clawbench_tui.screens.runs import CompareScreen, RunsScreen
from clawbench_tui.widgets.file_view import FileView
from clawbench_tui.widgets.workspace_tree import WorkspaceTree
from core.runner import run_task
from core.task import default_task_root, load_tasks
from store import Store

EXAMPLES = default_task_root() / "examples"
TASKS = load_tasks(EXAMPLES)[0]
SIZE = (120, 36)


def make_app(tmp_path, **kw) -> ClawBenchApp:
    return ClawBenchApp(db_path=tmp_path / "t.db", task_root=EXAMPLES, sandbox="bwrap", **kw)


async def wait_for(pilot, predicate, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for the app")
        await pilot.pause(0.05)


def seed_runs(db, backend: str = "bwrap") -> list[str]:
    """Two oracle runs and a null run with fixed ids, so screens show the same thing every time."""
    store = Store(db)
    by_id = {t.id: t for t in TASKS}
    ids = []
    for run_id, task_id, agent in (("run-a", "ana-sales-reconcile", "oracle"), ("run-b", "ana-sales-reconcile", "null"),
                                   ("run-c", "prod-action-items", "oracle")):
        run_task(by_id[task_id], store, agent=agent, sandbox=backend, run_id=run_id)
        ids.append(run_id)
    # fixed times: the runs table shows durations and sorts by start
    for i, run_id in enumerate(ids):
        store.update_run(run_id, started_at=1_790_000_000 + i * 60, finished_at=1_790_000_000 + i * 60 + 2.5)
    store.close()
    return ids


async def test_tasks_screen_filter_detail_and_files(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await wait_for(pilot, lambda: screen.loaded)
        table = screen.query_one("#tasks", DataTable)
        assert table.row_count == len(TASKS)
        first = screen.selected().task
        assert first.title in str(screen.query_one("#task-overview", Static).render())
        await pilot.press("slash", *"softw")
        assert table.row_count == 1 and screen.selected().task.domain == "software"
        await pilot.press("enter", "w")
        assert screen.query_one("#task-detail", TabbedContent).active == "tab-files"
        await pilot.press("escape")
        assert table.row_count == len(TASKS)


async def test_live_oracle_run_updates_tree_and_events(tmp_path, bwrap_backend):
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.screen.loaded)
        task = app.screen.selected().task
        await pilot.press("o")
        run_screen = app.screen
        assert isinstance(run_screen, RunScreen)
        await wait_for(pilot, lambda: run_screen.loaded.is_set())
        await pilot.pause(0.3)   # the last flush
        assert run_screen.stats.status == "finished" and run_screen.stats.score == 100.0
        types = [e.type for e in run_screen.timeline.events]
        assert "tool_call" in types and types[-1] == "run_finished"
        tree = run_screen.query_one(WorkspaceTree)
        assert set(task.workspace_files()) <= tree.files
        written = {s.args["path"] for s in task.solution if s.tool == "write_file"}
        assert written <= tree.files
        # step back to the first tool call: the files the solution creates are not there yet
        await pilot.press("home", "t")
        assert run_screen.timeline.current.type == "tool_call"
        created = written - set(task.workspace_files())
        assert created and not created & run_screen.query_one(WorkspaceTree).files
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen.query_one("#tasks", DataTable).get_row(task.id)[4] == "100")


async def test_replay_steps_and_file_content_changes(tmp_path, bwrap_backend):
    seed_runs(tmp_path / "t.db")
    app = make_app(tmp_path, replay_run="run-c")
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, RunScreen)
        await wait_for(pilot, lambda: screen.loaded.is_set())
        timeline = screen.timeline
        assert timeline.cursor == 0 and len(timeline) > 10
        # jump to the first change made by a tool, and open that file in the tree
        await pilot.press("t", "f")
        change = timeline.current
        assert change.type == "workspace_changed"
        path = change.payload["path"]
        tree = screen.query_one(WorkspaceTree)
        tree.select_path(path)
        tree.focus()
        await pilot.press("enter")          # open the file: it stays shown while stepping
        assert screen.pinned == path
        screen.query_one("#events").focus()
        body_now = str(screen.query_one(FileView).query_one("#file-body", Static).render())
        await pilot.press("home")
        body_then = str(screen.query_one(FileView).query_one("#file-body", Static).render())
        assert body_now != body_then
        await pilot.press("d")
        title = str(screen.query_one(FileView).query_one("#file-title", Static).render())
        assert "diff" in title
        await pilot.press("u", "x")   # unpin; no failed check in an oracle run
        assert timeline.current.type != "check_result" or timeline.current.payload["passed"] is False


async def test_runs_screen_filter_sort_and_compare(tmp_path, bwrap_backend):
    seed_runs(tmp_path / "t.db")
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        screen = app.screen
        assert isinstance(screen, RunsScreen)
        table = screen.query_one("#runs", DataTable)
        assert table.row_count == 3
        await pilot.press("slash", *"ana")
        assert table.row_count == 2
        await pilot.press("enter", "s")     # sort by the next column
        assert screen.sort != "started"
        await pilot.press("space", "down", "space", "c")
        assert isinstance(app.screen, CompareScreen)
        checks = app.screen.query_one("#compare-checks", DataTable)
        assert checks.row_count >= 5
        await pilot.press("escape", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, RunScreen) and app.screen.loaded.is_set())


async def test_bench_runs_a_small_suite_to_the_end(tmp_path, bwrap_backend):
    from clawbench_tui.screens.bench import BenchScreen

    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        screen = app.screen
        assert isinstance(screen, BenchScreen)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not screen.running and screen.suite_run_id is not None, timeout=120)
        await pilot.pause(0.2)
        runs = screen.query_one("#bench-runs", DataTable)
        assert runs.row_count == len(TASKS)
        domains = screen.query_one("#bench-domains", DataTable)
        assert {domains.get_row(t.domain)[2] for t in TASKS} == {"100.0"}
        assert "score 100.0" in str(screen.query_one("#bench-status", Static).render())
        runs.focus()
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, RunScreen) and app.screen.loaded.is_set())


async def test_help_and_palette_and_theme(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        assert type(app.screen).__name__ == "HelpScreen"
        await pilot.press("escape", "f2")
        assert app.theme == "textual-light"
        await pilot.press("ctrl+p")
        await pilot.press(*"Runs: stored")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, RunsScreen))


@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
async def test_usable_at_small_and_large_sizes(tmp_path, size, bwrap_backend):
    seed_runs(tmp_path / "t.db")
    app = make_app(tmp_path, replay_run="run-a")
    async with app.run_test(size=size) as pilot:
        await wait_for(pilot, lambda: app.screen.loaded.is_set())
        for key in ("right", "t", "f", "x", "end"):
            await pilot.press(key)
        assert app.screen.query_one("#events").size.height > 3
        await pilot.press("escape", "2", "3", "1")


# ---------------------------------------------------------------- snapshots

def test_snapshot_tasks(snap_compare, tmp_path):
    async def ready(pilot):
        await wait_for(pilot, lambda: pilot.app.screen.loaded)
        await pilot.press("down")

    assert snap_compare(make_app(tmp_path), terminal_size=SIZE, run_before=ready)


def test_snapshot_replay(snap_compare, tmp_path, bwrap_backend):
    seed_runs(tmp_path / "t.db")

    async def ready(pilot):
        await wait_for(pilot, lambda: pilot.app.screen.loaded.is_set())
        await pilot.press("t", "t", "f")

    assert snap_compare(make_app(tmp_path, replay_run="run-c"), terminal_size=SIZE, run_before=ready)


def test_snapshot_runs_and_compare(snap_compare, tmp_path, bwrap_backend):
    seed_runs(tmp_path / "t.db")

    async def ready(pilot):
        await pilot.press("2")
        await pilot.press("space", "down", "space", "c")

    assert snap_compare(make_app(tmp_path), terminal_size=SIZE, run_before=ready)


def test_snapshot_bench_idle(snap_compare, tmp_path):
    async def ready(pilot):
        await pilot.press("3")

    assert snap_compare(make_app(tmp_path), terminal_size=SIZE, run_before=ready)


def test_snapshot_help(snap_compare, tmp_path):
    async def ready(pilot):
        await pilot.press("f1")

    assert snap_compare(make_app(tmp_path), terminal_size=SIZE, run_before=ready)
