"""F1: the keys of every screen, from their BINDINGS (so this page cannot drift from the code)."""
from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static


def bindings_table(title: str, bindings) -> Table:
    table = Table(title=title, title_justify="left", title_style="bold", show_header=False, box=None, pad_edge=False)
    table.add_column("key", style="bold cyan", no_wrap=True, min_width=14)
    table.add_column("action")
    for b in bindings:
        b = b if isinstance(b, Binding) else Binding(*b)
        if b.description:
            keys = ", ".join(k.replace("_", " ") for k in b.key.split(","))
            table.add_row(keys, b.description)
    return table


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,f1", "dismiss", "Close")]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll { width: 80; max-width: 95%; height: 85%; border: thick $primary; background: $surface; padding: 0 1; }
    """

    def compose(self) -> ComposeResult:
        from ..app import ClawBenchApp
        from .bench import BenchScreen
        from .run_view import RunScreen
        from .runs import RunsScreen
        from .tasks import TasksScreen
        from .train import TrainScreen

        parts = [Text("ClawBench — keys\n", style="bold"),
                 Text("ctrl+p opens the command palette: every action is there too.\n", style="dim")]
        for title, cls in (("Everywhere", ClawBenchApp), ("Tasks (1)", TasksScreen), ("Runs (2)", RunsScreen),
                           ("Bench (3)", BenchScreen), ("Train (4)", TrainScreen), ("Live run / Replay", RunScreen)):
            parts.append(bindings_table(title, cls.BINDINGS))
            parts.append(Text(""))
        with VerticalScroll():
            for p in parts:
                yield Static(p)
