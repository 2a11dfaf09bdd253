"""Bench: pick a suite, agent, model, samples and concurrency, start it, and watch a progress
bar with ETA, a live per-domain score table and failures as they happen. Finished runs open in
Replay. The suite runs through `core.suite.run_suite`, the function `clawbench bench` calls."""
from __future__ import annotations

import threading
from collections import defaultdict

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, DataTable, Footer, Header, Input, Label, ProgressBar, Select, Static

from core.agent import AGENTS
from core.suite import builtin_suites
from core.task import DOMAINS


class RunDone(Message):
    """One run of the suite finished (posted from the suite's worker thread)."""

    def __init__(self, progress) -> None:
        super().__init__()
        self.progress = progress


class SuiteStarted(Message):
    def __init__(self, plan) -> None:
        super().__init__()
        self.plan = plan


class SuiteDone(Message):
    def __init__(self, suite_run_id: str | None, error: str | None = None) -> None:
        super().__init__()
        self.suite_run_id, self.error = suite_run_id, error


class BenchScreen(Screen):
    BINDINGS = [
        Binding("ctrl+s", "start", "Start"),
        Binding("s", "stop", "Stop"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.cancel = threading.Event()
        self.running = False
        self.suite_run_id: str | None = None
        self.by_domain: dict[str, list[tuple[float, bool]]] = defaultdict(list)
        self.failures = 0

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="bench-form"):
            with Horizontal(classes="bench-row"):
                yield Label("suite")
                yield Select([(s, s) for s in builtin_suites()], value="examples" if "examples" in builtin_suites()
                             else Select.BLANK, allow_blank=False, id="bench-suite")
                yield Label("agent")
                yield Select([(a, a) for a in AGENTS], value="oracle", allow_blank=False, id="bench-agent")
                yield Label("sandbox")
                yield Select([(s, s) for s in ("auto", "bwrap", "docker")], value=self.app.sandbox or "auto",
                             allow_blank=False, id="bench-sandbox")
            with Horizontal(classes="bench-row"):
                yield Label("model")
                yield Input(placeholder="litellm model (native)", id="bench-model")
                yield Label("samples")
                yield Input("1", id="bench-samples", type="integer")
                yield Label("-j")
                yield Input("2", id="bench-jobs", type="integer")
                yield Button("Start", variant="primary", id="bench-start")
        yield ProgressBar(id="bench-progress", show_eta=True)
        yield Static(id="bench-status")
        with Horizontal(id="bench-body"):
            yield DataTable(id="bench-domains", cursor_type="none")
            yield DataTable(id="bench-runs", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        domains = self.query_one("#bench-domains", DataTable)
        domains.add_column("domain", key="domain")
        domains.add_column("runs", key="runs")
        domains.add_column("score", key="score")
        domains.add_column("solved", key="solved")
        for d in DOMAINS:
            domains.add_row(d, "0", "-", "-", key=d)
        runs = self.query_one("#bench-runs", DataTable)
        for col in ("task", "sample", "status", "score", "solved", "run"):
            runs.add_column(col, key=col)
        self.query_one("#bench-status", Static).update(Text("configure a suite and press Start (ctrl+s)", style="dim"))
        self.query_one("#bench-progress", ProgressBar).update(total=1, progress=0)   # idle, not the pulsing bar

    # ------------------------------------------------------------------ start / stop
    @on(Button.Pressed, "#bench-start")
    def action_start(self) -> None:
        if self.running:
            self.notify("a suite is already running; s stops it")
            return
        try:
            samples = int(self.query_one("#bench-samples", Input).value or "1")
            jobs = int(self.query_one("#bench-jobs", Input).value or "1")
        except ValueError:
            self.notify("samples and -j must be whole numbers", severity="error")
            return
        config = dict(suite=self.query_one("#bench-suite", Select).value,
                      agent=self.query_one("#bench-agent", Select).value,
                      model=self.query_one("#bench-model", Input).value.strip() or None,
                      sandbox=self.query_one("#bench-sandbox", Select).value, samples=samples, jobs=jobs)
        self.cancel = threading.Event()
        self.running, self.failures = True, 0
        self.by_domain.clear()
        self.suite_run_id = None
        self.query_one("#bench-runs", DataTable).clear()
        for d in DOMAINS:
            for col in ("runs", "score", "solved"):
                self.query_one("#bench-domains", DataTable).update_cell(d, col, "0" if col == "runs" else "-")
        self.query_one("#bench-status", Static).update("starting…")
        self._run(config)

    def action_stop(self) -> None:
        if self.running:
            self.cancel.set()
            self.query_one("#bench-status", Static).update(Text("stopping: in-flight runs finish as cancelled…",
                                                                style="yellow"))

    @work(thread=True, exclusive=True, group="bench")
    def _run(self, config: dict) -> None:
        from core.suite import load_suite, run_suite

        try:
            suite, tasks, errors = load_suite(config["suite"])
            outcome = run_suite(self.app.store, tasks, suite=suite, agent=config["agent"], model=config["model"],
                                samples=config["samples"], jobs=config["jobs"], sandbox=config["sandbox"],
                                on_start=lambda plan: self.post_message(SuiteStarted(plan)),
                                on_run_done=lambda progress: self.post_message(RunDone(progress)),
                                cancel=self.cancel, load_errors=errors)
            self.post_message(SuiteDone(outcome.suite_run_id))
        except Exception as e:  # bad configuration or no sandbox: say so, keep the screen
            self.post_message(SuiteDone(None, f"{type(e).__name__}: {e}"))

    # ------------------------------------------------------------------ progress
    def on_suite_started(self, message: SuiteStarted) -> None:
        plan = message.plan
        self.suite_run_id = plan.suite_run_id
        self.query_one("#bench-progress", ProgressBar).update(total=max(plan.total, 1), progress=0)
        resumed = f", resuming: {plan.skipped} runs already done" if plan.resumed else ""
        self.query_one("#bench-status", Static).update(
            f"suite run {plan.suite_run_id} on {plan.backend}: {plan.total} runs to do{resumed}")

    def on_run_done(self, message: RunDone) -> None:
        p = message.progress
        r, domain = p.result, p.task.domain
        self.query_one("#bench-progress", ProgressBar).update(progress=p.done)
        self.by_domain[domain].append((r.score or 0.0, bool(r.solved)))
        rows = self.by_domain[domain]
        table = self.query_one("#bench-domains", DataTable)
        table.update_cell(domain, "runs", str(len(rows)))
        table.update_cell(domain, "score", f"{sum(s for s, _ in rows) / len(rows):.1f}")
        table.update_cell(domain, "solved", f"{sum(ok for _, ok in rows) / len(rows):.0%}")
        runs = self.query_one("#bench-runs", DataTable)
        status_style = "green" if r.status == "finished" and r.solved else ("yellow" if r.status == "finished" else "red")
        runs.add_row(r.task_id, str(p.sample), Text(r.status, style=status_style),
                     "-" if r.score is None else f"{r.score:.1f}", "yes" if r.solved else "no", r.run_id, key=r.run_id)
        eta = f" · ETA {p.eta_s:.0f} s" if p.done < p.total else ""
        if r.status != "finished" or not r.solved:
            reason = r.error or next((c.id for c in (r.verdict.checks if r.verdict else []) if not c.passed), "")
            self.failures += 1
            self.query_one("#bench-status", Static).update(
                Text(f"{p.done}/{p.total}{eta} · {self.failures} failed · latest: {r.task_id} ({r.status}) {reason}"[:220],
                     style="yellow"))
        else:
            self.query_one("#bench-status", Static).update(f"{p.done}/{p.total} runs done{eta} · {self.failures} failed")

    def on_suite_done(self, message: SuiteDone) -> None:
        self.running = False
        self.suite_run_id = message.suite_run_id
        status = self.query_one("#bench-status", Static)
        if message.error:
            status.update(Text(f"suite failed to start: {message.error}", style="bold red"))
            return
        from core.report import suite_report

        report = suite_report(self.app.store, message.suite_run_id)
        o = report.overall
        status.update(Text.assemble(
            (f"suite run {report.suite_run_id} {report.status}: ", "bold"),
            f"score {o.score:.1f} · solved {o.solved_rate:.0%} · {report.counted_runs}/{report.planned_runs} runs"
            if o.score is not None else "no runs counted",
            "  (enter on a run opens Replay)"))

    @on(DataTable.RowSelected, "#bench-runs")
    def _open(self, event: DataTable.RowSelected) -> None:
        self.app.open_replay(event.row_key.value)
