"""Tracks the sandbox workspace and records every change as a workspace_changed event,
with the new content stored once by hash, so the tree at any step is a fold over events."""
from __future__ import annotations

import hashlib

from sandbox import Sandbox

from . import events as ev
from .events import Recorder

MAX_BLOB_BYTES = 8 * 1024 * 1024   # bigger files are tracked by hash only


class WorkspaceTracker:
    def __init__(self, sandbox: Sandbox, recorder: Recorder):
        self.sandbox, self.recorder = sandbox, recorder
        self.files: dict[str, str] = {}
        self._written: dict[str, bytes] = {}   # what the file tools just wrote: no need to read it back

    def wrote(self, path: str, data: bytes) -> None:
        """The harness wrote `data` to `path`; sync() uses it if the snapshot shows the same hash."""
        self._written[path.strip("/")] = data

    def sync(self) -> list[tuple[str, str]]:
        """Snapshot the workspace, record what changed since the last sync; returns (path, op) pairs."""
        current = self.sandbox.snapshot()
        changes: list[tuple[str, str]] = []
        for path, digest in sorted(current.items()):
            before = self.files.get(path)
            if before == digest:
                continue
            op = "added" if before is None else "modified"
            self._record(path, op, digest)
            changes.append((path, op))
        for path in sorted(self.files.keys() - current.keys()):
            self.recorder.emit(ev.WORKSPACE_CHANGED, path=path, op="deleted", sha256=None, size=None)
            changes.append((path, "deleted"))
        self.files = current
        self._written.clear()
        return changes

    def _record(self, path: str, op: str, digest: str) -> None:
        store, size = self.recorder.store, None
        if not store.has_blob(digest):
            data = self._written.get(path)
            if data is None or hashlib.sha256(data).hexdigest() != digest:
                try:   # one round trip into the sandbox (costly on docker), so only when needed
                    data = self.sandbox.read_file(path)
                except Exception:  # vanished or unreadable between snapshot and read: keep the hash
                    data = None
            if data is not None:
                size = len(data)
                if size <= MAX_BLOB_BYTES:
                    digest = store.put_blob(data)  # the hash of what was read, should it have changed since
        self.recorder.emit(ev.WORKSPACE_CHANGED, path=path, op=op, sha256=digest, size=size)
