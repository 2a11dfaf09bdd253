"""Runs: every stored run in a table you can filter and sort; open one in Replay, or mark two
and compare them side by side."""
from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Footer, Header, Input, Static

from core.runs import RUN_COLUMNS, RunComparison, compare_runs, run_rows

SORTABLE = ("started",) + tuple(c for c in RUN_COLUMNS if c != "run")


def _fmt(row: dict, col: str) -> str | Text:
    if col == "run":
        return row["id"]
    if col == "task":
        return row["task_id"]
    if col == "score":
        return "-" if row["score"] is None else f"{row['score']:.1f}"
    if col == "solved":
        return Text("yes", style="green") if row["solved"] else Text("no", style="dim")
    if col == "duration":
        return "-" if row["duration"] is None else f"{row['duration']:.1f}s"
    if col == "status":
        style = {"finished": "green", "running": "yellow", "cancelled": "magenta"}.get(row["status"], "red")
        return Text(row["status"], style=style)
    value = row.get(col)
    return "" if value is None else str(value)


class RunsScreen(Screen):
    BINDINGS = [
        Binding("slash", "focus_filter", "Filter"),
        Binding("s", "cycle_sort", "Sort"),
        Binding("S", "reverse_sort", "Reverse", show=False),
        Binding("space", "mark", "Mark"),
        Binding("c", "compare", "Compare"),
        Binding("R", "reload", "Reload"),
        Binding("escape", "clear_filter", "Clear filter", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.sort, self.descending = "started", True
        self.marked: list[str] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="/ filter runs: task, agent, model, status…", id="runs-filter")
        yield DataTable(id="runs", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#runs", DataTable)
        table.add_column(" ", key="mark", width=1)
        for col in RUN_COLUMNS:
            table.add_column(col, key=col)
        table.focus()
        self.action_reload()

    def on_screen_resume(self) -> None:
        self.action_reload()

    def action_reload(self) -> None:
        table = self.query_one("#runs", DataTable)
        current = table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value if table.row_count else None
        rows = run_rows(self.app.store, self.query_one("#runs-filter", Input).value, self.sort, self.descending)
        table.clear()
        for r in rows:
            table.add_row("●" if r["id"] in self.marked else "", *(_fmt(r, c) for c in RUN_COLUMNS), key=r["id"])
        if current in table.rows:
            table.move_cursor(row=table.get_row_index(current))
        arrow = "↓" if self.descending else "↑"
        self.sub_title = f"{len(rows)} runs · sorted by {self.sort} {arrow} · {len(self.marked)} marked"

    @on(Input.Changed, "#runs-filter")
    def _filter(self) -> None:
        self.action_reload()

    @on(Input.Submitted, "#runs-filter")
    def _filter_done(self) -> None:
        self.query_one("#runs", DataTable).focus()

    def action_focus_filter(self) -> None:
        self.query_one("#runs-filter", Input).focus()

    def action_clear_filter(self) -> None:
        self.query_one("#runs-filter", Input).value = ""
        self.query_one("#runs", DataTable).focus()

    def action_cycle_sort(self) -> None:
        self.sort = SORTABLE[(SORTABLE.index(self.sort) + 1) % len(SORTABLE)]
        self.action_reload()

    def action_reverse_sort(self) -> None:
        self.descending = not self.descending
        self.action_reload()

    def _current(self) -> str | None:
        table = self.query_one("#runs", DataTable)
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value

    def action_mark(self) -> None:
        run_id = self._current()
        if run_id is None:
            return
        if run_id in self.marked:
            self.marked.remove(run_id)
        else:
            self.marked = (self.marked + [run_id])[-2:]
        self.action_reload()

    def action_compare(self) -> None:
        if len(self.marked) != 2:
            self.notify("mark two runs with space first", timeout=3)
            return
        self.app.push_screen(CompareScreen(compare_runs(self.app.store, *self.marked)))

    @on(DataTable.RowSelected, "#runs")
    def _open(self, event: DataTable.RowSelected) -> None:
        self.app.open_replay(event.row_key.value)


def _run_card(label: str, r: dict) -> Text:
    t = Text()
    t.append(f"{label}  {r['id']}\n", style="bold")
    t.append(f"task {r['task_id']}\nagent {r['agent']} · model {r['model']} · sandbox {r['sandbox']}\n")
    score = "-" if r["score"] is None else f"{r['score']:.1f}"
    t.append(f"score {score} · ", style="bold")
    t.append("solved" if r["solved"] else "not solved", style="bold green" if r["solved"] else "bold yellow")
    tokens = (r.get("tokens_in") or 0) + (r.get("tokens_out") or 0)
    t.append(f"\n{r['status']} · turns {r['turns']} · tokens {tokens} · cost ${r['cost'] or 0:.4f}")
    return t


class CompareScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q", "dismiss", "Close")]
    DEFAULT_CSS = """
    CompareScreen { align: center middle; }
    CompareScreen > VerticalScroll { width: 95%; height: 90%; border: thick $primary; background: $surface; }
    CompareScreen Horizontal { height: auto; }
    CompareScreen .card { width: 1fr; padding: 0 1; border: round $primary-darken-2; }
    CompareScreen #compare-checks { height: auto; }
    """

    def __init__(self, comparison: RunComparison) -> None:
        super().__init__()
        self.cmp = comparison

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            with Horizontal():
                yield Static(_run_card("A", self.cmp.a), classes="card")
                yield Static(_run_card("B", self.cmp.b), classes="card")
            if not self.cmp.same_task:
                yield Static(Text("different tasks: checks are listed side by side as stored", style="yellow"))
            yield DataTable(id="compare-checks", cursor_type="row")

    def on_mount(self) -> None:
        table = self.query_one("#compare-checks", DataTable)
        table.add_columns("check", "A", "B", "description")
        mark = {True: Text("PASS", style="green"), False: Text("FAIL", style="bold red"), None: Text("-", style="dim")}
        for d in self.cmp.checks:
            name = Text(d.name, style="bold reverse" if d.differs else "")
            table.add_row(name, mark[d.a], mark[d.b], d.description[:80])
