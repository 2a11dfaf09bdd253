"""Tasks: every task of every suite in a filterable table, with a detail pane (instruction,
persona, checks, rubric, and the initial workspace with a file preview)."""
from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, DirectoryTree, Footer, Header, Input, Static, TabbedContent, TabPane

from core.catalog import Entry, filter_entries, load_catalog
from core.task import CAPABILITIES, DOMAINS, Task

from ..widgets.file_view import FileView
from .start_run import StartRunScreen

COLUMNS = ("suite", "task", "domain", "diff", "best", "capabilities", "origin")
CAP_SHORT = {"file-state": "FS", "tool-selection": "TS", "long-range": "LR", "fine-grained": "FG",
             "error-recovery": "ER", "cross-file": "CF"}


def task_overview(task: Task, suite: str) -> Text:
    t = Text()
    t.append(f"{task.title}\n", style="bold")
    t.append(f"{suite} · {task.id} · {DOMAINS[task.domain]} · {task.difficulty}\n", style="dim")
    t.append("capabilities: " + ", ".join(CAPABILITIES[c] for c in task.capabilities) + "\n", style="dim")
    if task.persona:
        t.append(f"\n{task.persona.strip()}\n", style="italic")
    t.append("\n" + task.instruction.strip() + "\n")
    t.append(f"\nChecks ({len(task.checks)})\n", style="bold")
    for c in task.checks:
        t.append(f"  {c.type:<12}", style="cyan")
        t.append(f" {c.description}  ")
        t.append(f"w{c.weight:g}\n", style="dim")
    if task.rubric:
        t.append(f"\nRubric ({len(task.rubric)}, judged only with --judge)\n", style="bold")
        for r in task.rubric:
            t.append(f"  • {r.criterion} ", style="")
            t.append(f"[{', '.join(r.artifacts)}]\n", style="dim")
    if task.mutants:
        t.append(f"\nMutants ({len(task.mutants)}): ", style="bold")
        t.append(", ".join(m.id for m in task.mutants) + "\n", style="dim")
    t.append(f"\nLimits: {task.limits.turns} turns · {task.limits.wall_s:g} s · {task.limits.tokens} tokens\n",
             style="dim")
    return t


class TasksScreen(Screen):
    BINDINGS = [
        Binding("slash", "focus_filter", "Filter"),
        Binding("r", "start_run", "Run…"),
        Binding("o", "quick_run('oracle')", "Oracle"),
        Binding("n", "quick_run('null')", "Null", show=False),
        Binding("w", "toggle_files", "Files"),
        Binding("escape", "clear_filter", "Clear filter", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[Entry] = []
        self.by_id: dict[str, Entry] = {}
        self.best: dict[str, float] = {}
        self.loaded = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="/ fuzzy filter: suite, id, title, domain, capability…", id="task-filter")
        with Horizontal():
            yield DataTable(id="tasks", cursor_type="row", zebra_stripes=True)
            with TabbedContent(id="task-detail"):
                with TabPane("Overview", id="tab-overview"):
                    with VerticalScroll():
                        yield Static(id="task-overview")
                with TabPane("Workspace", id="tab-files"):
                    with Vertical():
                        yield DirectoryTree(Path("."), id="task-files")
                        yield FileView(id="task-preview")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#tasks", DataTable)
        for col in COLUMNS:
            table.add_column(col, key=col)
        table.focus()
        self._load()

    @work(thread=True, exclusive=True, group="tasks-load")
    def _load(self) -> None:
        entries, errors = load_catalog(self.app.task_root)
        best = self.app.store.best_scores()
        self.app.call_from_thread(self._loaded, entries, errors, best)

    def _loaded(self, entries: list[Entry], errors, best: dict[str, float]) -> None:
        self.entries, self.best = entries, best
        self.app.catalog = entries
        self.by_id = {e.task.id: e for e in entries}
        self._fill(self.query_one("#task-filter", Input).value)
        for e in errors[:5]:
            self.notify(str(e), title="task skipped", severity="warning", timeout=8)
        self.loaded = True

    def on_screen_resume(self) -> None:
        if self.loaded:
            self.refresh_scores()   # a run may have finished while another screen was on top

    def refresh_scores(self) -> None:
        self.best = self.app.store.best_scores()
        table = self.query_one("#tasks", DataTable)
        for task_id, score in self.best.items():
            if task_id in table.rows:
                table.update_cell(task_id, "best", f"{score:.0f}")

    def _fill(self, query: str) -> None:
        table = self.query_one("#tasks", DataTable)
        table.clear()
        for e in filter_entries(self.entries, query):
            t = e.task
            score = self.best.get(t.id)
            table.add_row(e.suite, t.id, t.domain, t.difficulty, "-" if score is None else f"{score:.0f}",
                          " ".join(CAP_SHORT[c] for c in t.capabilities), str(t.origin.get("route", "hand")), key=t.id)
        if table.row_count:
            table.move_cursor(row=0)
            self._show(self.selected())
        self.sub_title = f"{table.row_count} of {len(self.entries)} tasks"

    @on(Input.Changed, "#task-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted, "#task-filter")
    def _filter_submitted(self) -> None:
        self.query_one("#tasks", DataTable).focus()

    def selected(self) -> Entry | None:
        table = self.query_one("#tasks", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value
        return self.by_id.get(key)

    @on(DataTable.RowHighlighted, "#tasks")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show(self.by_id.get(event.row_key.value))

    @on(DataTable.RowSelected, "#tasks")
    def _selected(self, event: DataTable.RowSelected) -> None:
        self.action_start_run()

    def _show(self, entry: Entry | None) -> None:
        if entry is None:
            return
        self.query_one("#task-overview", Static).update(task_overview(entry.task, entry.suite))
        files = self.query_one("#task-files", DirectoryTree)
        if files.path != entry.task.workspace_dir:
            files.path = entry.task.workspace_dir
        self.query_one("#task-preview", FileView).show_message(
            "select a file to preview it", Text(f"{len(entry.task.workspace_files())} files", style="dim"))

    @on(DirectoryTree.FileSelected, "#task-files")
    def _preview(self, event: DirectoryTree.FileSelected) -> None:
        entry = self.selected()
        path = Path(event.path)
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            text = None
        rel = path.relative_to(entry.task.workspace_dir).as_posix() if entry else path.name
        self.query_one("#task-preview", FileView).show_text(rel, text, rel)

    # ------------------------------------------------------------------ actions
    def action_focus_filter(self) -> None:
        self.query_one("#task-filter", Input).focus()

    def action_clear_filter(self) -> None:
        box = self.query_one("#task-filter", Input)
        box.value = ""
        self.query_one("#tasks", DataTable).focus()

    def action_toggle_files(self) -> None:
        tabs = self.query_one("#task-detail", TabbedContent)
        tabs.active = "tab-files" if tabs.active == "tab-overview" else "tab-overview"

    def action_start_run(self) -> None:
        entry = self.selected()
        if entry is not None:
            self.app.push_screen(StartRunScreen(entry.task, default_sandbox=self.app.sandbox))

    def action_quick_run(self, agent: str) -> None:
        entry = self.selected()
        if entry is not None:
            self.app.open_live_run(entry.task, agent=agent)
