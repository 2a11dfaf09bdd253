"""The event stream of a run as a virtualised list: one folded line per event, rendered only
when on screen (the Line API), so a run of 10,000 events scrolls and steps instantly."""
from __future__ import annotations

import json
from typing import Any

from rich.text import Text
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from store import EventRecord

ICONS = {
    "run_started": ("▶", "bold"),
    "model_request": ("…", "dim"),
    "model_response": ("◆", "bold cyan"),
    "tool_call": ("→", "yellow"),
    "tool_result": ("←", "green"),
    "workspace_changed": ("±", "magenta"),
    "check_result": ("✓", "green"),
    "rubric_result": ("§", "blue"),
    "score": ("★", "bold"),
    "error": ("!", "bold red"),
    "run_finished": ("■", "bold"),
}


def _one_line(text: Any, limit: int = 160) -> str:
    s = text if isinstance(text, str) else json.dumps(text, ensure_ascii=False)
    s = " ".join(s.split())
    return s if len(s) <= limit else s[: limit - 1] + "…"


def summarize(e: EventRecord) -> Text:
    """One folded line for an event."""
    p = e.payload
    icon, style = ICONS.get(e.type, ("·", ""))
    t = Text(f"{e.seq:>5} ", style="dim")
    t.append(f"{icon} ", style=style)
    if e.type == "run_started":
        t.append(f"run started · {p.get('agent')} · {p.get('sandbox')}", style="bold")
    elif e.type == "model_request" and p.get("source"):   # a later user/system message (imported runs)
        t.append(f"{p['source']}: ", style="bold")
        t.append(_one_line(p.get("message") or "", 120))
    elif e.type == "model_request":
        t.append(f"request turn {p.get('turn', 0) + 1} ({p.get('n_messages')} messages)", style="dim")
    elif e.type == "model_response":
        msg = p.get("message", {})
        calls = [c["function"]["name"] for c in msg.get("tool_calls") or []]
        t.append(f"turn {p.get('turn', 0) + 1} ", style="bold cyan")
        if msg.get("content"):
            t.append(_one_line(msg["content"], 100) + " ")
        if calls:
            t.append("[" + ", ".join(calls) + "]", style="cyan")
        if p.get("tokens_in"):
            t.append(f"  {p['tokens_in']}+{p['tokens_out']} tok", style="dim")
    elif e.type == "tool_call":
        args = p.get("arguments")
        if isinstance(args, dict) and "content" in args:
            args = dict(args, content=f"<{len(str(args['content']))} chars>")
        t.append(f"{p.get('name')} ", style="yellow bold")
        t.append(_one_line(args, 120), style="yellow")
    elif e.type == "tool_result":
        ok = p.get("ok")
        lines = (p.get("output") or "").splitlines()
        t.append("ok " if ok else "error ", style="green" if ok else "bold red")
        t.append(_one_line(lines[0] if lines else "", 110))
        if len(lines) > 1:
            t.append(f"  (+{len(lines) - 1} lines)", style="dim")
        if p.get("truncated"):
            t.append(" [truncated]", style="dim red")
    elif e.type == "workspace_changed":
        op_style = {"added": "green", "modified": "yellow", "deleted": "red"}.get(p.get("op"), "")
        t.append(f"{p.get('op')} ", style=op_style)
        t.append(p.get("path", ""))
    elif e.type == "check_result":
        passed = p.get("passed")
        t.append("PASS " if passed else "FAIL ", style="bold green" if passed else "bold red")
        t.append(f"{p.get('id')}  ", style="bold")
        t.append(_one_line(p.get("description", ""), 100), style="dim")
    elif e.type == "rubric_result":
        state = f"{p['score']:.2f}" if p.get("judged") else "unjudged"
        t.append(f"rubric {p.get('id')}: {state}")
    elif e.type == "score":
        t.append(f"score {p.get('score')} · {'solved' if p.get('solved') else 'not solved'}",
                 style="bold green" if p.get("solved") else "bold yellow")
    elif e.type == "error":
        t.append(("retrying: " if p.get("retrying") else "") + _one_line(p.get("message", ""), 140), style="red")
    elif e.type == "run_finished":
        t.append(f"run {p.get('status')} · {_one_line(p.get('reason') or '', 80)}", style="bold")
    else:
        t.append(e.type)
    return t


class EventList(ScrollView, can_focus=True, inherit_bindings=False):
    """Folded event lines with a cursor. The owner moves the cursor; the list keeps it visible.
    Its own keys only ask the owner to move (left/right/home/end stay with the screen)."""

    BINDINGS = [
        Binding("up,k", "request(-1)", "Up", show=False),
        Binding("down,j", "request(1)", "Down", show=False),
        Binding("pageup", "request_page(-1)", "Page up", show=False),
        Binding("pagedown", "request_page(1)", "Page down", show=False),
    ]

    DEFAULT_CSS = """
    EventList { background: $surface; overflow-x: hidden; }
    EventList > .event-list--cursor { background: $accent 40%; }
    """
    COMPONENT_CLASSES = {"event-list--cursor"}

    class Move(Message):
        """Move the cursor by delta events."""

        def __init__(self, delta: int) -> None:
            super().__init__()
            self.delta = delta

    class Clicked(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.events: list[EventRecord] = []
        self._lines: list[Text | None] = []
        self.cursor = -1

    def set_events(self, events: list[EventRecord]) -> None:
        self.events = events
        self._lines = [None] * len(events)
        self._resize()

    def notify_appended(self) -> None:
        """The shared events list grew (live run)."""
        self._lines.extend([None] * (len(self.events) - len(self._lines)))
        self._resize()

    def _resize(self) -> None:
        self.virtual_size = Size(0, len(self.events))   # lines are cropped to the width: no sideways scroll
        self.refresh()

    def move_cursor(self, index: int) -> None:
        old, self.cursor = self.cursor, index
        self.refresh_lines(old)
        self.refresh_lines(index)
        if index >= 0:
            self.scroll_to_region_index(index)

    def refresh_lines(self, index: int) -> None:
        y = index - self.scroll_offset.y
        if 0 <= y < self.size.height:
            self.refresh(Region(0, y, self.size.width, 1))

    def scroll_to_region_index(self, index: int) -> None:
        top, height = self.scroll_offset.y, max(1, self.size.height)
        if index < top:
            self.scroll_to(y=index, animate=False)
        elif index >= top + height:
            self.scroll_to(y=index - height + 1, animate=False)

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width = self.size.width
        base = self.rich_style
        if index >= len(self.events):
            return Strip.blank(width, base)
        text = self._lines[index]
        if text is None:
            text = self._lines[index] = summarize(self.events[index])
        segments = list(text.render(self.app.console))
        segments = [s for s in segments if s.text != "\n"]
        if index == self.cursor:   # the cursor colours the whole row, under the text's own colours
            base = base + self.get_component_rich_style("event-list--cursor")
        strip = Strip(segments).crop_extend(0, width, base).apply_style(base)
        return strip

    def action_request(self, delta: int) -> None:
        self.post_message(self.Move(delta))

    def action_request_page(self, direction: int) -> None:
        self.post_message(self.Move(direction * max(1, self.size.height - 1)))

    def on_click(self, event) -> None:
        index = self.scroll_offset.y + event.y
        if 0 <= index < len(self.events):
            self.post_message(self.Clicked(index))

