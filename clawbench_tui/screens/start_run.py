"""The dialog that configures a run (agent, model, judge, sandbox) before the live view opens."""
from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select

from core.agent import AGENTS
from core.task import Task


class StartRunScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape", "dismiss", "Cancel")]
    DEFAULT_CSS = """
    StartRunScreen { align: center middle; }
    StartRunScreen > Vertical { width: 72; height: auto; border: thick $primary; background: $surface; padding: 1 2; }
    StartRunScreen Grid { grid-size: 2; grid-columns: 12 1fr; grid-rows: 3; height: auto; }
    StartRunScreen Label { padding: 1 0; }
    StartRunScreen Horizontal { height: auto; align-horizontal: right; margin-top: 1; }
    StartRunScreen #run-title { text-style: bold; margin-bottom: 1; }
    """

    def __init__(self, task: Task, default_sandbox: str = "auto") -> None:
        super().__init__()
        self.task_ = task
        self.default_sandbox = default_sandbox

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(f"Run {self.task_.id}", id="run-title")
            with Grid():
                yield Label("agent")
                yield Select([(a, a) for a in AGENTS], value="oracle", allow_blank=False, id="agent")
                yield Label("model")
                yield Input(placeholder="litellm model, e.g. openai/gpt-4.1 (native only)", id="model")
                yield Label("judge")
                yield Input(placeholder="optional: rubric judge model", id="judge")
                yield Label("sandbox")
                yield Select([(s, s) for s in ("auto", "bwrap", "docker")], value=self.default_sandbox,
                             allow_blank=False, id="sandbox")
            with Horizontal():
                yield Button("Cancel", id="cancel")
                yield Button("Start", variant="primary", id="start")

    def on_mount(self) -> None:
        self.query_one("#start", Button).focus()

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss()

    @on(Input.Submitted)
    @on(Button.Pressed, "#start")
    def _start(self) -> None:
        agent = self.query_one("#agent", Select).value
        model = self.query_one("#model", Input).value.strip() or None
        judge = self.query_one("#judge", Input).value.strip() or None
        sandbox = self.query_one("#sandbox", Select).value
        if agent == "native" and not model:
            self.notify("the native agent needs a model", severity="error")
            self.query_one("#model", Input).focus()
            return
        self.dismiss()
        self.app.open_live_run(self.task_, agent=agent, model=model, judge=judge, sandbox=sandbox)
