"""The Textual app. This first screen lists tasks with a detail pane and runs the selected one
(oracle or null, in a worker thread) through the same `core.runner.run_task` the CLI uses."""
from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import DataTable, Footer, Header, Log, Static

from core.task import DOMAINS, Task, default_task_root, load_tasks
from store import EventRecord, Store


class RunEvent(Message):
    """An event of the run in progress, posted from the worker thread."""

    def __init__(self, record: EventRecord) -> None:
        super().__init__()
        self.record = record


def task_detail(task: Task) -> str:
    """Rich markup describing a task: instruction, files, checks, rubric."""
    lines = [f"[b]{task.title}[/b]", f"[dim]{task.id} · {DOMAINS[task.domain]} · {task.difficulty}[/dim]", ""]
    if task.persona:
        lines += [f"[i]{task.persona.strip()}[/i]", ""]
    lines += [task.instruction.strip(), "", "[b]Workspace[/b]"]
    lines += [f"  {p}" for p in task.workspace_files()]
    lines += ["", f"[b]Checks[/b] ({len(task.checks)})"]
    lines += [f"  [cyan]{c.type:<12}[/cyan] {c.description}" for c in task.checks]
    if task.rubric:
        lines += ["", f"[b]Rubric[/b] ({len(task.rubric)})"]
        lines += [f"  • {r.criterion}" for r in task.rubric]
    return "\n".join(lines)


class ClawBenchApp(App):
    TITLE = "ClawBench"
    SUB_TITLE = "tasks"
    CSS_PATH = "app.tcss"
    BINDINGS = [
        Binding("o", "run('oracle')", "Run oracle"),
        Binding("n", "run('null')", "Run null"),
        Binding("t", "toggle_theme", "Theme"),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(self, db_path: str | Path | None = None, task_root: str | Path | None = None, sandbox: str = "auto"):
        super().__init__()
        self.db_path, self.sandbox = db_path, sandbox
        self.task_root = Path(task_root) if task_root else default_task_root()
        self.tasks: dict[str, Task] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            yield DataTable(id="tasks", cursor_type="row", zebra_stripes=True)
            with Vertical(id="side"):
                yield Static(id="detail")
                yield Log(id="runlog", highlight=False)
        yield Footer()

    def on_mount(self) -> None:
        self.store = Store(self.db_path)
        self.store.mark_interrupted_runs()
        table = self.query_one("#tasks", DataTable)
        table.add_columns("task", "domain", "diff", "checks", "best")
        tasks, errors = load_tasks(self.task_root)
        best = self.store.best_scores()
        for t in tasks:
            self.tasks[t.id] = t
            score = best.get(t.id)
            table.add_row(t.id, t.domain, t.difficulty, str(len(t.checks)),
                          "-" if score is None else f"{score:.0f}", key=t.id)
        log = self.query_one("#runlog", Log)
        for e in errors:
            log.write_line(f"skipped {e}")
        table.focus()
        if tasks:
            self._show(tasks[0].id)

    def _show(self, task_id: str) -> None:
        self.query_one("#detail", Static).update(task_detail(self.tasks[task_id]))

    @on(DataTable.RowHighlighted, "#tasks")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value in self.tasks:
            self._show(event.row_key.value)

    def _selected(self) -> Task | None:
        table = self.query_one("#tasks", DataTable)
        if not self.tasks or table.cursor_row is None:
            return None
        key = table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value
        return self.tasks.get(key)

    def action_run(self, agent: str) -> None:
        task = self._selected()
        if task is None:
            return
        log = self.query_one("#runlog", Log)
        log.clear()
        log.write_line(f"running {task.id} with {agent} ...")
        self._run_worker(task, agent)

    @work(thread=True, exclusive=True, group="run")
    def _run_worker(self, task: Task, agent: str) -> None:
        from core.runner import run_task
        from sandbox import SandboxError

        try:
            result = run_task(task, self.store, agent=agent, sandbox=self.sandbox,
                              listeners=[lambda r: self.post_message(RunEvent(r))])
        except (SandboxError, ValueError) as e:  # e.g. no sandbox backend installed: say so, keep the app
            self.call_from_thread(self.query_one("#runlog", Log).write_line, f"cannot run: {e}")
            return
        self.call_from_thread(self._finished, task.id, result.score)

    def on_run_event(self, message: RunEvent) -> None:
        r = message.record
        p = r.payload
        line = {
            "tool_call": lambda: f"-> {p['name']}",
            "tool_result": lambda: f"<- {'ok' if p['ok'] else 'error'}: {(p['output'].splitlines() or [''])[0][:80]}",
            "workspace_changed": lambda: f"   {p['op']} {p['path']}",
            "check_result": lambda: f"{'PASS' if p['passed'] else 'FAIL'} {p['id']}",
            "score": lambda: f"score {p['score']} · {'solved' if p['solved'] else 'not solved'}",
            "error": lambda: f"error: {p.get('message', '')[:100]}",
        }.get(r.type)
        if line:
            self.query_one("#runlog", Log).write_line(line())

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.theme == "textual-dark" else "textual-dark"

    def _finished(self, task_id: str, score: float | None) -> None:
        table = self.query_one("#tasks", DataTable)
        best = self.store.best_scores().get(task_id)
        table.update_cell(task_id, table.ordered_columns[4].key, "-" if best is None else f"{best:.0f}")
