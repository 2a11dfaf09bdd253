"""One view for a run, fed by two sources: a live run (events pushed from the worker thread
running `core.runner.run_task`) or a stored run (events read back from SQLite). Stepping is
moving a cursor in the `core.replay.Timeline`; the tree and the open file follow it."""
from __future__ import annotations

import json
import threading
from collections import deque
from dataclasses import dataclass
from pathlib import Path

from rich.console import Group
from rich.syntax import Syntax
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Static, Tree

from core import events as ev
from core.replay import Timeline, text_of, unified_diff
from core.task import Task
from store import EventRecord, Store

from ..widgets.event_list import EventList
from ..widgets.file_view import FileView, lexer_for
from ..widgets.workspace_tree import WorkspaceTree

FLUSH_EVERY_S = 0.1      # live events are applied in batches, not one repaint each


@dataclass
class LiveRequest:
    task: Task
    agent: str = "oracle"
    model: str | None = None
    judge: str | None = None
    sandbox: str = "auto"


class RunStats:
    """Counters shown in the header, folded from the events as they arrive."""

    def __init__(self) -> None:
        self.turns = self.tokens_in = self.tokens_out = 0
        self.cost = 0.0
        self.status = "running"
        self.score: float | None = None
        self.solved: bool | None = None
        self.checks_passed = self.checks_total = 0

    def add(self, e: EventRecord) -> None:
        p = e.payload
        if e.type == ev.MODEL_RESPONSE:
            self.turns += 1
            self.tokens_in += p.get("tokens_in") or 0
            self.tokens_out += p.get("tokens_out") or 0
            self.cost += p.get("cost") or 0.0
        elif e.type == ev.CHECK_RESULT:
            self.checks_total += 1
            self.checks_passed += bool(p.get("passed"))
        elif e.type == ev.SCORE:
            self.score, self.solved = p.get("score"), p.get("solved")
        elif e.type == ev.RUN_FINISHED:
            self.status = p.get("status", "finished")


class RunScreen(Screen):
    """Live run or replay of a stored run."""

    BINDINGS = [
        Binding("right,l", "step(1)", "Next"),
        Binding("left,h", "step(-1)", "Prev"),
        Binding("down,j", "step(1)", "Next", show=False),
        Binding("up,k", "step(-1)", "Prev", show=False),
        Binding("t", "jump('tool_call')", "Next tool"),
        Binding("shift+t", "jump('tool_call', False)", "Prev tool", show=False),
        Binding("e", "jump('error')", "Next error"),
        Binding("f", "jump('change')", "Next change"),
        Binding("x", "jump('failed_check')", "Failed check"),
        Binding("home,g", "first", "First", show=False),
        Binding("end,G", "last", "Last", show=False),
        Binding("d", "toggle_diff", "Diff"),
        Binding("u", "unpin", "Unpin file", show=False),
        Binding("s", "stop", "Stop run"),
        Binding("escape,q", "close", "Back"),
    ]

    def __init__(self, store: Store, *, run_id: str | None = None, live: LiveRequest | None = None) -> None:
        super().__init__()
        if (run_id is None) == (live is None):
            raise ValueError("RunScreen needs exactly one of run_id (replay) or live (a new run)")
        self.store, self.live = store, live
        self.run_id = run_id or ""
        self.timeline = Timeline(self.run_id)
        self.stats = RunStats()
        self.follow = live is not None       # live view sticks to the newest event until you step back
        self.diff_mode = False
        self.pinned: str | None = None       # a file chosen in the tree, shown at every step
        self.cancel = threading.Event()
        self._pending: deque[EventRecord] = deque()
        self._touched: set[str] = set()
        self._touched_lock = threading.Lock()
        self._observer = None
        self.loaded = threading.Event()

    # ------------------------------------------------------------------ layout
    def compose(self) -> ComposeResult:
        yield Static(id="run-header")
        with Horizontal(id="run-body"):
            yield WorkspaceTree(id="ws-tree")
            with Vertical(id="run-main"):
                yield EventList(id="events")
                yield FileView(id="inspector")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(EventList).set_events(self.timeline.events)
        self.query_one(EventList).focus()
        if self.live:
            self._render_header()
            self.set_interval(FLUSH_EVERY_S, self._flush)
            self._run_live(self.live)
        else:
            self._load_replay()

    # ------------------------------------------------------------------ sources
    @work(thread=True, exclusive=True, group="replay-load")
    def _load_replay(self) -> None:
        events = list(self.store.events(self.run_id))
        self.app.call_from_thread(self._loaded, events)

    def _loaded(self, events: list[EventRecord]) -> None:
        self.timeline.extend(events)
        for e in events:
            self.stats.add(e)
        run = self.store.get_run(self.run_id) or {}
        if run.get("status"):
            self.stats.status = run["status"]
        self.query_one(EventList).notify_appended()
        self._move(0 if events else -1)
        self.loaded.set()

    @work(thread=True, exclusive=True, group="live-run")
    def _run_live(self, req: LiveRequest) -> None:
        from core.runner import new_run_id, run_task

        self.run_id = self.timeline.run_id = new_run_id()
        try:
            run_task(req.task, self.store, agent=req.agent, model=req.model, judge=req.judge, sandbox=req.sandbox,
                     run_id=self.run_id, cancel=self.cancel, listeners=[self._pending.append],
                     on_sandbox=self._watch)
        except Exception as e:  # bad agent/model/sandbox choice: show it, keep the app alive
            self.app.call_from_thread(self.notify, str(e), title="cannot start run", severity="error", timeout=10)
            self.stats.status = "failed"
        finally:
            self._unwatch()
            self.app.call_from_thread(self._flush)
            self.loaded.set()

    def _watch(self, box) -> None:
        """bwrap workspaces live on the host: watch them, so writes show up while a command runs."""
        root = getattr(box, "host_workspace", None)
        if not root:
            return  # docker: the tree follows the snapshots taken after each tool call
        from watchdog.events import FileSystemEventHandler
        from watchdog.observers import Observer

        screen = self

        writes = {"created", "modified", "deleted", "moved", "closed"}   # not opened/closed_no_write: reads

        class Handler(FileSystemEventHandler):
            def on_any_event(self, event) -> None:
                if event.is_directory or event.event_type not in writes:
                    return
                try:
                    rel = Path(event.src_path).relative_to(root).as_posix()
                except ValueError:
                    return
                with screen._touched_lock:
                    screen._touched.add(rel)

        observer = Observer()
        observer.schedule(Handler(), root, recursive=True)
        observer.daemon = True
        observer.start()
        self._observer = observer

    def _unwatch(self) -> None:
        if self._observer is not None:
            self._observer.stop()
            self._observer = None

    def _flush(self) -> None:
        """Apply the events that arrived since the last flush, in one batch."""
        batch = []
        while self._pending:
            batch.append(self._pending.popleft())
        with self._touched_lock:
            touched, self._touched = self._touched, set()
        if not batch and not touched:
            return
        recorded = any(e.type in (ev.WORKSPACE_CHANGED, ev.RUN_FINISHED) for e in batch)
        with self.app.batch_update():
            if batch:
                self.timeline.extend(batch)
                for e in batch:
                    self.stats.add(e)
                self.query_one(EventList).notify_appended()
                if self.follow:
                    self._move(len(self.timeline) - 1)
                else:
                    self._render_header()
            tree = self.query_one(WorkspaceTree)
            if recorded:
                tree.touch(set())        # the recorded change supersedes the watcher's hint
            elif touched and self._observer is not None:
                tree.touch(touched)

    # ------------------------------------------------------------------ cursor
    def _move(self, index: int) -> None:
        self.timeline.seek(index)
        self.query_one(EventList).move_cursor(self.timeline.cursor)
        self._render_tree()
        self._render_inspector()
        self._render_header()

    def action_step(self, delta: int) -> None:
        self.follow = False
        self._move(self.timeline.cursor + delta)
        if self.live and self.timeline.cursor == len(self.timeline) - 1:
            self.follow = True

    def action_jump(self, kind: str, forward: bool = True) -> None:
        self.follow = False
        if self.timeline.jump(kind, forward) is None:
            self.notify(f"no {'next' if forward else 'previous'} {kind.replace('_', ' ')}", timeout=2)
            return
        self._move(self.timeline.cursor)

    def action_first(self) -> None:
        self.follow = False
        self._move(0)

    def action_last(self) -> None:
        self.follow = self.live is not None
        self._move(len(self.timeline) - 1)

    def action_toggle_diff(self) -> None:
        self.diff_mode = not self.diff_mode
        self._render_inspector()

    def action_unpin(self) -> None:
        self.pinned = None
        self._render_inspector()

    def action_stop(self) -> None:
        if self.live and self.stats.status == "running":
            self.cancel.set()
            self.notify("stopping the run; it will be stored as cancelled", timeout=3)

    def action_close(self) -> None:
        self.app.pop_screen()

    @on(EventList.Move)
    def _move_requested(self, message: EventList.Move) -> None:
        self.action_step(message.delta)

    @on(EventList.Clicked)
    def _clicked(self, message: EventList.Clicked) -> None:
        self.follow = False
        self._move(message.index)

    @on(Tree.NodeSelected, "#ws-tree")
    def _file_selected(self, message: Tree.NodeSelected) -> None:
        path = message.node.data
        if path and not message.node.allow_expand:
            self.pinned = path
            self._render_inspector()

    # ------------------------------------------------------------------ rendering
    def _render_header(self) -> None:
        s, t = self.stats, self.timeline
        status_style = {"running": "bold yellow", "finished": "bold green", "cancelled": "bold magenta"}.get(
            s.status, "bold red")
        header = Text.assemble(
            ("live " if self.live else "replay ", "bold reverse"), " ",
            (self.run_id or "starting…", "bold"), "  ",
            (s.status, status_style), "   ",
            f"step {t.cursor + 1}/{len(t)}  ·  turns {s.turns}  ·  tokens {s.tokens_in}+{s.tokens_out}  ·  ${s.cost:.4f}",
        )
        if s.score is not None:
            header.append(f"  ·  score {s.score} ({s.checks_passed}/{s.checks_total} checks)",
                          style="bold green" if s.solved else "bold yellow")
        if self.follow and self.live:
            header.append("  · following", style="dim")
        self.query_one("#run-header", Static).update(header)

    def _render_tree(self) -> None:
        tree = self.timeline.tree()
        marks = {c.path: c.op for c in self.timeline.changes_at()}
        self.query_one(WorkspaceTree).show(set(tree), marks)

    def _render_inspector(self) -> None:
        view = self.query_one(FileView)
        if self.pinned:
            self._render_file(view, self.pinned)
            return
        e = self.timeline.current
        if e is None:
            view.show_message("", Text("no events yet", style="dim"))
            return
        p = e.payload
        title = f"#{e.seq} {e.type}"
        if e.type == ev.WORKSPACE_CHANGED:
            before = self.timeline.last_change_of(p["path"], self.timeline.cursor - 1)
            view.show_diff(f"{title}: {p['op']} {p['path']}",
                           unified_diff(self.store, p["path"], before.sha256 if before else None, p.get("sha256")))
        elif e.type == ev.TOOL_RESULT:
            view.show_text(f"{title}: {p.get('name')} {'ok' if p.get('ok') else 'error'}"
                           + (f" (exit {p['exit_code']})" if p.get("exit_code") is not None else ""),
                           p.get("output", ""), "out.txt")
        elif e.type == ev.TOOL_CALL:
            args = p.get("arguments")
            if isinstance(args, dict) and isinstance(args.get("content"), str):
                rest = {k: v for k, v in args.items() if k != "content"}
                view.show_message(f"{title}: {p.get('name')}", Group(
                    Syntax(json.dumps(rest, indent=2, ensure_ascii=False), "json", theme="ansi_dark"),
                    Text("content:", style="bold"),
                    Syntax(args["content"], lexer_for(args.get("path", "")), theme="ansi_dark", line_numbers=True)))
            else:
                view.show_message(f"{title}: {p.get('name')}",
                                  Syntax(json.dumps(args, indent=2, ensure_ascii=False), "json", theme="ansi_dark"))
        elif e.type == ev.MODEL_RESPONSE:
            msg = p.get("message", {})
            parts: list = []
            if msg.get("content"):
                parts.append(Text(str(msg["content"])))
            for call in msg.get("tool_calls") or []:
                parts.append(Text(f"→ {call['function']['name']}", style="bold yellow"))
                parts.append(Syntax(_pretty(call["function"]["arguments"]), "json", theme="ansi_dark"))
            meta = f"{p.get('tokens_in', 0)}+{p.get('tokens_out', 0)} tokens · {p.get('latency_s', 0)} s"
            view.show_message(f"{title}: turn {p.get('turn', 0) + 1} · {meta}", Group(*parts) if parts else Text(""))
        elif e.type == ev.CHECK_RESULT:
            lines = Text.assemble(("PASS" if p.get("passed") else "FAIL", "bold green" if p.get("passed") else "bold red"),
                                  f"  {p.get('id')} ({p.get('type')}, weight {p.get('weight')})\n\n",
                                  f"{p.get('description')}\n\n", ("observed  ", "bold"), f"{p.get('observed')!r}\n",
                                  ("expected  ", "bold"), f"{p.get('expected')!r}\n", f"\n{p.get('message') or ''}")
            view.show_message(title, lines)
        elif e.type == ev.RUN_STARTED:
            view.show_message(f"{title}: {p.get('task_id')}", Text(p.get("instruction", "")))
        elif e.type == ev.ERROR:
            view.show_message(title, Text((p.get("message") or "") + "\n\n" + (p.get("traceback") or ""), style="red"))
        else:
            view.show_message(title, Syntax(json.dumps(p, indent=2, ensure_ascii=False, default=str), "json",
                                            theme="ansi_dark"))

    def _render_file(self, view: FileView, path: str) -> None:
        digest = self.timeline.tree().get(path)
        step = f"step {self.timeline.cursor + 1}"
        if self.diff_mode:
            before = self.timeline.tree(self.timeline.cursor - 1).get(path) if self.timeline.cursor > 0 else None
            digest = self.timeline.tree().get(path)  # tree() moved: fold back to the cursor
            view.show_diff(f"{path} · diff at {step} (u: unpin, d: content)", unified_diff(self.store, path, before, digest))
        else:
            view.show_text(f"{path} · as of {step} (u: unpin, d: diff)" if digest else f"{path} · absent at {step}",
                           text_of(self.store, digest) if digest else None, path)

    def on_unmount(self) -> None:
        self._unwatch()


def _pretty(arguments) -> str:
    if isinstance(arguments, str):
        try:
            return json.dumps(json.loads(arguments), indent=2, ensure_ascii=False)
        except json.JSONDecodeError:
            return arguments
    return json.dumps(arguments, indent=2, ensure_ascii=False)

