"""The Textual app: a thin shell of modes (Tasks, Runs, Bench) over `core`, plus the run view
(live or replay) pushed on top. Every action here calls a core function a CLI command calls."""
from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.binding import Binding

from core.task import Task
from store import Store

from .commands import ClawBenchCommands
from .screens.bench import BenchScreen
from .screens.runs import RunsScreen
from .screens.tasks import TasksScreen
from .screens.train import TrainScreen

THEMES = ("textual-dark", "textual-light", "ansi-dark")


class ClawBenchApp(App):
    TITLE = "ClawBench"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {ClawBenchCommands}
    MODES = {"tasks": TasksScreen, "runs": RunsScreen, "bench": BenchScreen, "train": TrainScreen}
    DEFAULT_MODE = "tasks"
    BINDINGS = [
        Binding("1", "switch_mode('tasks')", "Tasks"),
        Binding("2", "switch_mode('runs')", "Runs"),
        Binding("3", "switch_mode('bench')", "Bench"),
        Binding("4", "switch_mode('train')", "Train"),
        Binding("f1,question_mark", "help", "Help"),
        Binding("f2", "cycle_theme", "Theme"),
        Binding("ctrl+q,f10", "quit", "Quit"),
    ]

    def __init__(self, db_path: str | Path | None = None, task_root: str | Path | None = None,
                 sandbox: str = "auto", replay_run: str | None = None, theme: str | None = None):
        super().__init__()
        self.db_path, self.sandbox, self.replay_run = db_path, sandbox, replay_run
        self.task_root = Path(task_root) if task_root else None
        self.store = Store(db_path)
        self.catalog: list = []   # set by the Tasks screen once its background load finishes
        self.store.mark_interrupted_runs()
        if theme:
            self.theme = theme

    def on_mount(self) -> None:
        if self.replay_run:
            self.open_replay(self.replay_run)

    # ------------------------------------------------------------------ shared actions
    def catalog_entries(self):
        """The task catalog the Tasks screen loaded (the palette lists it); empty until then."""
        return self.catalog

    def open_live_run(self, task: Task, agent: str = "oracle", model: str | None = None,
                      judge: str | None = None, sandbox: str | None = None) -> None:
        from .screens.run_view import LiveRequest, RunScreen

        self.push_screen(RunScreen(self.store, live=LiveRequest(task, agent, model, judge, sandbox or self.sandbox)))

    def open_replay(self, run_id: str) -> None:
        from .screens.run_view import RunScreen

        run = self.store.get_run(run_id)
        if run is None:
            self.notify(f"no stored run {run_id!r}", severity="error")
            return
        self.push_screen(RunScreen(self.store, run_id=run["id"]))

    def action_replay_latest(self) -> None:
        runs = self.store.list_runs(limit=1)
        if runs:
            self.open_replay(runs[0]["id"])
        else:
            self.notify("no stored runs yet: run a task first (o on the Tasks screen)")

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        self.push_screen(HelpScreen())

    def action_cycle_theme(self) -> None:
        current = self.theme if self.theme in THEMES else THEMES[-1]
        self.theme = THEMES[(THEMES.index(current) + 1) % len(THEMES)]
