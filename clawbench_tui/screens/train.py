"""Train: pick curated trajectories (score threshold, agent, model) and a base model, launch a
fine-tuning job as a detached `clawbench train run` process, and watch its log and loss curve.
Jobs live in folders next to the database, so they survive leaving the screen or the app."""
from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, DataTable, Footer, Header, Input, Label, Log, Sparkline, Static

from core.curate import select_runs
from core.train.jobs import Job, jobs_dir, launch, list_jobs, stop

REFRESH_S = 1.0


class TrainScreen(Screen):
    BINDINGS = [
        Binding("ctrl+l", "launch", "Launch"),
        Binding("K", "stop_job", "Stop job"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.jobs: dict[str, Job] = {}
        self.selected: str | None = None
        self._log_lines = 0

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="train-form"):
            with Horizontal(classes="train-row"):
                yield Label("min score")
                yield Input("100", id="train-min-score", type="number")
                yield Label("agent")
                yield Input(placeholder="any", id="train-agent")
                yield Label("from model")
                yield Input(placeholder="any", id="train-from-model")
                yield Button("Count", id="train-count")
            with Horizontal(classes="train-row"):
                yield Label("base model")
                yield Input(placeholder="hub name or folder (empty: tiny local model)", id="train-model")
                yield Label("epochs")
                yield Input("1", id="train-epochs", type="number")
                yield Label("lr")
                yield Input("2e-5", id="train-lr")
                yield Button("Launch", variant="primary", id="train-launch")
        yield Static(id="train-status")
        with Horizontal(id="train-body"):
            yield DataTable(id="train-jobs", cursor_type="row")
            with Vertical(id="train-detail"):
                yield Static(id="train-loss-title")
                yield Sparkline([], id="train-loss")
                yield Log(id="train-log", highlight=False)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#train-jobs", DataTable)
        for col in ("job", "state", "steps", "loss", "base"):
            table.add_column(col, key=col)
        self.root = jobs_dir(self.app.store.path)
        self._update_count()
        self._refresh()
        self.set_interval(REFRESH_S, self._refresh)

    # ------------------------------------------------------------------ curation and launch
    def _filters(self) -> dict:
        try:
            min_score = float(self.query_one("#train-min-score", Input).value or "100")
        except ValueError:
            raise ValueError("min score must be a number from 0 to 100") from None
        return {"min_score": min_score, "agent": self.query_one("#train-agent", Input).value.strip() or None,
                "model": self.query_one("#train-from-model", Input).value.strip() or None}

    @on(Button.Pressed, "#train-count")
    def _update_count(self) -> None:
        status = self.query_one("#train-status", Static)
        try:
            runs = select_runs(self.app.store, **self._filters())
        except ValueError as e:
            status.update(Text(str(e), style="red"))
            return
        tasks = len({r["task_id"] for r in runs})
        status.update(f"{len(runs)} runs from {tasks} tasks pass the filters (duplicates are dropped at launch)")

    @on(Button.Pressed, "#train-launch")
    def action_launch(self) -> None:
        try:
            f = self._filters()
            epochs = float(self.query_one("#train-epochs", Input).value or "1")
            lr = float(self.query_one("#train-lr", Input).value or "2e-5")
        except ValueError as e:
            self.notify(str(e) if "min score" in str(e) else "epochs and lr must be numbers", severity="error")
            return
        model = self.query_one("#train-model", Input).value.strip()
        argv = ["train", "run", "--db", str(self.app.store.path), "--min-score", str(f["min_score"]),
                "--epochs", str(epochs), "--lr", str(lr)]
        argv += ["--model", model] if model else ["--tiny"]
        if f["agent"]:
            argv += ["--agent", f["agent"]]
        if f["model"]:
            argv += ["--from-model", f["model"]]
        job = launch(self.root, argv, label=model or "tiny")
        self.selected = job.id
        self.notify(f"job {job.id} started")
        self._refresh()
        table = self.query_one("#train-jobs", DataTable)
        table.move_cursor(row=table.get_row_index(job.id))

    def action_stop_job(self) -> None:
        job = self.jobs.get(self.selected or "")
        if job is not None:
            stop(job)
            self.notify(f"stopping {job.id}")

    # ------------------------------------------------------------------ progress
    def _refresh(self) -> None:
        table = self.query_one("#train-jobs", DataTable)
        jobs = list_jobs(self.root)
        self.jobs = {j.id: j for j in jobs}
        for job in jobs:
            losses = job.losses()
            state = job.status()["state"]
            style = {"running": "yellow", "finished": "green"}.get(state, "red")
            cells = (job.id, Text(state, style=style), str(len(losses)),
                     "-" if not losses else f"{losses[-1]:.4f}", job.label)
            if job.id in table.rows:
                for col, value in zip(("job", "state", "steps", "loss", "base"), cells):
                    table.update_cell(job.id, col, value)
            else:
                table.add_row(*cells, key=job.id)
        if self.selected is None and jobs:
            self.selected = jobs[0].id
        self._show_selected()

    @on(DataTable.RowHighlighted, "#train-jobs")
    def _highlight(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value != self.selected:
            self.selected = event.row_key.value
            self._log_lines = 0
            self.query_one("#train-log", Log).clear()
            self._show_selected()

    def _show_selected(self) -> None:
        job = self.jobs.get(self.selected or "")
        if job is None:
            self.query_one("#train-loss-title", Static).update(Text("no training jobs yet", style="dim"))
            return
        losses = job.losses()
        self.query_one("#train-loss", Sparkline).data = losses
        status = job.status()
        title = Text.assemble((f"{job.id} ", "bold"), f"{status['state']} · {len(losses)} steps")
        if losses:
            title.append(f" · loss {losses[0]:.4f} → {losses[-1]:.4f} (min {min(losses):.4f})")
        if status.get("error"):
            title.append(f" · {status['error']}", style="red")
        self.query_one("#train-loss-title", Static).update(title)
        lines = job.log_tail(2000)
        log = self.query_one("#train-log", Log)
        if len(lines) < self._log_lines:
            log.clear()
            self._log_lines = 0
        for line in lines[self._log_lines:]:
            log.write_line(line)
        self._log_lines = len(lines)
