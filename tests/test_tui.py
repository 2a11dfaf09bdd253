"""The Textual app, driven with Pilot, and a snapshot of its first screen."""
from __future__ import annotations

from textual.widgets import DataTable, Log, Static

from clawbench_tui.app import ClawBenchApp
from core.task import default_task_root, load_tasks
from store import Store

TASKS = load_tasks(default_task_root() / "examples")[0]


async def test_tasks_screen_lists_tasks_and_shows_detail(tmp_path):
    app = ClawBenchApp(db_path=tmp_path / "t.db", sandbox="bwrap")
    async with app.run_test(size=(120, 36)) as pilot:
        table = app.query_one("#tasks", DataTable)
        assert table.row_count == len(TASKS)
        detail = app.query_one("#detail", Static)
        assert TASKS[0].title in str(detail.render())
        await pilot.press("down")
        assert TASKS[1].title in str(detail.render())


async def test_running_the_oracle_from_the_app(tmp_path, bwrap_backend):
    db = tmp_path / "t.db"
    app = ClawBenchApp(db_path=db, sandbox="bwrap")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("o")
        await app.workers.wait_for_complete()
        await pilot.pause()
        log = app.query_one("#runlog", Log)
        text = "\n".join(log.lines)
        assert f"running {TASKS[0].id} with oracle" in text
        assert "-> " in text and "PASS" in text and "score 100.0 · solved" in text
        table = app.query_one("#tasks", DataTable)
        assert table.get_row(TASKS[0].id)[4] == "100"
    runs = Store(db).list_runs()
    assert len(runs) == 1 and runs[0]["status"] == "finished" and runs[0]["score"] == 100.0


def test_tasks_screen_snapshot(snap_compare, tmp_path):
    app = ClawBenchApp(db_path=tmp_path / "t.db", sandbox="bwrap")
    assert snap_compare(app, terminal_size=(120, 36))
