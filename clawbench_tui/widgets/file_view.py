"""A file's content (syntax-highlighted by its name) or a unified diff, in a scrollable pane."""
from __future__ import annotations

from rich.console import Group
from rich.syntax import Syntax
from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

MAX_LINES = 3000


def lexer_for(path: str) -> str:
    ext = path.rsplit(".", 1)[-1].lower() if "." in path else ""
    return {"py": "python", "md": "markdown", "json": "json", "yaml": "yaml", "yml": "yaml", "toml": "toml",
            "csv": "text", "ini": "ini", "conf": "ini", "cfg": "ini", "sh": "bash", "log": "text",
            "js": "javascript", "ts": "typescript", "html": "html", "sql": "sql", "txt": "text"}.get(ext, "text")


def _fold(text: str) -> tuple[str, int]:
    lines = text.splitlines()
    if len(lines) <= MAX_LINES:
        return text, 0
    return "\n".join(lines[:MAX_LINES]), len(lines) - MAX_LINES


class FileView(VerticalScroll):
    DEFAULT_CSS = """
    FileView { background: $surface; }
    FileView > #file-title { background: $primary-background; color: $text; padding: 0 1; }
    """

    def compose(self):
        yield Static(id="file-title")
        yield Static(id="file-body")

    def show_text(self, title: str, text: str | None, path: str = "", theme: str = "ansi_dark") -> None:
        self.query_one("#file-title", Static).update(title)
        body = self.query_one("#file-body", Static)
        if text is None:
            body.update(Text("(no content: deleted, binary or not stored)", style="dim"))
        else:
            shown, more = _fold(text)
            syntax = Syntax(shown, lexer_for(path), theme=theme, line_numbers=True, word_wrap=False)
            body.update(syntax if not more else Group(syntax, Text(f"... {more} more lines not shown", style="dim")))
        self.scroll_home(animate=False)

    def show_diff(self, title: str, diff: str) -> None:
        self.query_one("#file-title", Static).update(title)
        body = self.query_one("#file-body", Static)
        body.update(Syntax(diff, "diff", theme="ansi_dark") if diff else Text("(no change)", style="dim"))
        self.scroll_home(animate=False)

    def show_message(self, title: str, message: str | Text) -> None:
        self.query_one("#file-title", Static).update(title)
        self.query_one("#file-body", Static).update(message)
        self.scroll_home(animate=False)
