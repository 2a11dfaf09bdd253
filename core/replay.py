"""A run as a timeline you can move through: the workspace at any step, what changed there,
and jumps to the next tool call, error, file change or failed check.

Live and replay share this: the live view appends events as they arrive, replay loads them
from the store. Moving the cursor never re-reads the whole stream: the tree at step N is
kept incrementally (apply/undo one workspace_changed at a time), with checkpoints for jumps.
"""
from __future__ import annotations

import bisect
import difflib
from dataclasses import dataclass
from typing import Iterable

from store import EventRecord, Store

from . import events as ev

CHECKPOINT_EVERY = 256   # workspace_changed events between stored tree checkpoints
MAX_DIFF_BYTES = 512_000


@dataclass(frozen=True)
class FileChange:
    path: str
    op: str                   # added | modified | deleted
    sha256: str | None
    before: str | None        # the hash before this change (None when added)


class Timeline:
    """The ordered events of one run plus a cursor (an index into them)."""

    def __init__(self, run_id: str, events: Iterable[EventRecord] = ()):
        self.run_id = run_id
        self.events: list[EventRecord] = []
        self._change_idx: list[int] = []            # indexes of workspace_changed events
        self._changes: list[FileChange] = []        # aligned with _change_idx
        self._checkpoints: list[dict[str, str]] = [{}]   # tree before change k*CHECKPOINT_EVERY
        self._head: dict[str, str] = {}             # tree after every change so far
        self.cursor = -1
        self._tree: dict[str, str] = {}             # tree at the cursor
        self._tree_changes = 0                      # number of changes folded into _tree
        self.extend(events)

    @classmethod
    def load(cls, store: Store, run_id: str) -> "Timeline":
        return cls(run_id, store.events(run_id))

    # ------------------------------------------------------------------ building
    def append(self, record: EventRecord) -> None:
        index = len(self.events)
        self.events.append(record)
        if record.type == ev.WORKSPACE_CHANGED:
            p = record.payload
            change = FileChange(p["path"], p["op"], p.get("sha256"), self._head.get(p["path"]))
            if len(self._changes) % CHECKPOINT_EVERY == 0 and self._changes:
                self._checkpoints.append(dict(self._head))
            self._change_idx.append(index)
            self._changes.append(change)
            _apply(self._head, change)

    def extend(self, records: Iterable[EventRecord]) -> None:
        for r in records:
            self.append(r)

    def __len__(self) -> int:
        return len(self.events)

    # ------------------------------------------------------------------ cursor
    @property
    def current(self) -> EventRecord | None:
        return self.events[self.cursor] if 0 <= self.cursor < len(self.events) else None

    def seek(self, index: int) -> int:
        self.cursor = max(-1, min(index, len(self.events) - 1))
        return self.cursor

    def step(self, delta: int = 1) -> int:
        return self.seek(self.cursor + delta)

    def _find(self, predicate, forward: bool = True) -> int | None:
        rng = range(self.cursor + 1, len(self.events)) if forward else range(self.cursor - 1, -1, -1)
        for i in rng:
            if predicate(self.events[i]):
                return i
        return None

    def jump(self, kind: str, forward: bool = True) -> int | None:
        """Move to the next (or previous) event of a kind: tool_call, error, change, failed_check.
        Returns the new cursor, or None (cursor unchanged) when there is none."""
        predicates = {
            "tool_call": lambda e: e.type == ev.TOOL_CALL,
            "error": lambda e: e.type == ev.ERROR or (e.type == ev.TOOL_RESULT and not e.payload.get("ok", True)),
            "change": lambda e: e.type == ev.WORKSPACE_CHANGED,
            "failed_check": lambda e: e.type == ev.CHECK_RESULT and not e.payload.get("passed"),
            "turn": lambda e: e.type == ev.MODEL_RESPONSE,
        }
        if kind not in predicates:
            raise ValueError(f"jump kind must be one of {', '.join(predicates)}, got {kind!r}")
        if kind == "failed_check" and forward:
            saved, self.cursor = self.cursor, -1   # "first failed check": search from the start
            found = self._find(predicates[kind])
            self.cursor = saved
        else:
            found = self._find(predicates[kind], forward)
        if found is not None:
            self.cursor = found
        return found

    # ------------------------------------------------------------------ workspace
    def _changes_through(self, index: int) -> int:
        """How many workspace changes happened at or before event `index`."""
        return bisect.bisect_right(self._change_idx, index)

    def tree(self, index: int | None = None) -> dict[str, str]:
        """path -> sha256 of the workspace after event `index` (default: the cursor)."""
        target = self._changes_through(self.cursor if index is None else index)
        if target < self._tree_changes and self._tree_changes - target > CHECKPOINT_EVERY // 2:
            self._restore(target)
        while self._tree_changes < target:       # forward: apply
            _apply(self._tree, self._changes[self._tree_changes])
            self._tree_changes += 1
        while self._tree_changes > target:       # backward: undo
            self._tree_changes -= 1
            _undo(self._tree, self._changes[self._tree_changes])
        return self._tree

    def _restore(self, target: int) -> None:
        k = target // CHECKPOINT_EVERY
        self._tree = dict(self._checkpoints[k])
        self._tree_changes = k * CHECKPOINT_EVERY

    def changes_at(self, index: int | None = None) -> list[FileChange]:
        """The workspace changes recorded since the previous model turn or tool call up to the cursor
        (what this step did to the files)."""
        index = self.cursor if index is None else index
        if index < 0:
            return []
        start = index
        while start > 0 and self.events[start - 1].type in (ev.WORKSPACE_CHANGED, ev.TOOL_RESULT):
            start -= 1
        lo, hi = bisect.bisect_left(self._change_idx, start), self._changes_through(index)
        return self._changes[lo:hi]

    def last_change_of(self, path: str, index: int | None = None) -> FileChange | None:
        """The most recent change to `path` at or before the cursor."""
        hi = self._changes_through(self.cursor if index is None else index)
        for change in reversed(self._changes[:hi]):
            if change.path == path:
                return change
        return None

    def all_paths(self) -> set[str]:
        """Every path that existed at any point of the run."""
        return {c.path for c in self._changes}


def _apply(tree: dict[str, str], change: FileChange) -> None:
    if change.op == "deleted":
        tree.pop(change.path, None)
    else:
        tree[change.path] = change.sha256


def _undo(tree: dict[str, str], change: FileChange) -> None:
    if change.before is None:
        tree.pop(change.path, None)
    else:
        tree[change.path] = change.before


def text_of(store: Store, digest: str | None) -> str | None:
    """A stored blob as text, or None (missing, binary or too big to show)."""
    if digest is None:
        return None
    data = store.get_blob(digest)
    if data is None or b"\x00" in data[:4096]:
        return None
    return data.decode("utf-8", errors="replace")


def unified_diff(store: Store, path: str, before: str | None, after: str | None) -> str:
    """A unified diff between two stored versions of a file ('' when identical)."""
    a, b = text_of(store, before) or "", text_of(store, after) or ""
    if len(a) + len(b) > MAX_DIFF_BYTES:
        return f"(diff of {path} not shown: {len(a) + len(b)} bytes)"
    lines = difflib.unified_diff(a.splitlines(keepends=True), b.splitlines(keepends=True),
                                 fromfile=f"a/{path}" if before else "/dev/null",
                                 tofile=f"b/{path}" if after else "/dev/null")
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)
