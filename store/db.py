"""The SQLite store: tasks, runs, the append-only event stream, content-addressed blobs, scores.

Every write commits at once (WAL mode), so a run killed at any moment leaves every event
written before the kill intact, and the run row can be marked interrupted afterwards.
"""
from __future__ import annotations

import hashlib
import json
import os
import socket
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import sqlite_utils

from .migrations import migrate

RUN_STATUSES = ("running", "finished", "failed", "interrupted", "cancelled")
SUITE_RUN_STATUSES = ("running", "finished", "interrupted")


@dataclass(frozen=True)
class EventRecord:
    run_id: str
    seq: int
    type: str
    ts: float
    payload: dict[str, Any]


def default_db_path() -> Path:
    """$CLAWBENCH_DB, else $XDG_DATA_HOME/clawbench/clawbench.db (~/.local/share by default)."""
    env = os.environ.get("CLAWBENCH_DB")
    if env:
        return Path(env).expanduser()
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "clawbench" / "clawbench.db"


def pid_alive(pid: int) -> bool:
    """Whether a process with this pid exists on this host (a run's or job's owner)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class Store:
    """One SQLite database. Safe to share between threads (one connection, one lock)."""

    def __init__(self, path: Path | str | None = None):
        self.path = Path(path) if path is not None else default_db_path()
        if str(self.path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(self.path), check_same_thread=False, isolation_level=None, timeout=30)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
        self.db = sqlite_utils.Database(conn)
        self._lock = threading.RLock()
        with self._lock:
            migrate(self.db)

    def close(self) -> None:
        self.db.conn.close()

    # ---------------------------------------------------------------- tasks
    def upsert_task(self, row: dict[str, Any]) -> None:
        with self._lock:
            self.db["tasks"].upsert(dict(row, loaded_at=time.time()), pk="id", alter=False)

    def get_task(self, task_id: str) -> dict[str, Any] | None:
        rows = list(self.db.query("select * from tasks where id = ?", [task_id]))
        return _decode(rows[0]) if rows else None

    # ---------------------------------------------------------------- runs
    def create_run(self, run_id: str, **fields: Any) -> None:
        row = {"id": run_id, "status": "running", "started_at": time.time(), "pid": os.getpid(),
               "host": socket.gethostname(), **fields}
        with self._lock:
            self.db["runs"].insert(_encode(row))

    def update_run(self, run_id: str, **fields: Any) -> None:
        if "status" in fields and fields["status"] not in RUN_STATUSES:
            raise ValueError(f"run status must be one of {RUN_STATUSES}, got {fields['status']!r}")
        with self._lock:
            self.db["runs"].update(run_id, _encode(fields))

    def get_run(self, run_id: str) -> dict[str, Any] | None:
        rows = list(self.db.query("select * from runs where id = ?", [run_id]))
        if not rows:
            rows = list(self.db.query("select * from runs where id like ? order by started_at desc limit 2",
                                      [run_id + "%"]))
            if len(rows) != 1:
                return None
        return _decode(rows[0])

    def list_runs(self, task_id: str | None = None, limit: int = 1000) -> list[dict[str, Any]]:
        sql, args = "select * from runs", []
        if task_id:
            sql, args = sql + " where task_id = ?", [task_id]
        sql += " order by started_at desc limit ?"
        return [_decode(r) for r in self.db.query(sql, args + [limit])]

    def best_scores(self) -> dict[str, float]:
        return {r["task_id"]: r["best"] for r in self.db.query(
            "select task_id, max(score) as best from runs where status = 'finished' group by task_id")}

    def mark_interrupted_runs(self) -> list[str]:
        """Runs left 'running' by a process on this host that no longer exists are interrupted."""
        host, dead = socket.gethostname(), []
        for r in self.db.query("select id, pid, host from runs where status = 'running'"):
            if r["host"] == host and r["pid"] and not pid_alive(r["pid"]):
                dead.append(r["id"])
        for run_id in dead:
            self.update_run(run_id, status="interrupted", finished_at=time.time(),
                            error="the process running it died before it finished")
        return dead

    # ---------------------------------------------------------------- events
    def append_event(self, run_id: str, type: str, payload: dict[str, Any], ts: float | None = None) -> EventRecord:
        """Append the next event of a run; seq is assigned here so the stream stays ordered and gapless."""
        ts = time.time() if ts is None else ts
        with self._lock:
            seq = self.db.execute("select coalesce(max(seq), -1) + 1 from events where run_id = ?",
                                  [run_id]).fetchone()[0]
            self.db.execute("insert into events (run_id, seq, type, ts, payload) values (?, ?, ?, ?, ?)",
                            [run_id, seq, type, ts, json.dumps(payload, default=str)])
        return EventRecord(run_id, seq, type, ts, payload)

    def events(self, run_id: str, after: int = -1, types: tuple[str, ...] | None = None) -> Iterator[EventRecord]:
        sql, args = "select * from events where run_id = ? and seq > ?", [run_id, after]
        if types:
            sql += f" and type in ({','.join('?' * len(types))})"
            args += list(types)
        for r in self.db.query(sql + " order by seq", args):
            yield EventRecord(r["run_id"], r["seq"], r["type"], r["ts"], json.loads(r["payload"]))

    def count_events(self, run_id: str) -> int:
        return self.db.execute("select count(*) from events where run_id = ?", [run_id]).fetchone()[0]

    # ---------------------------------------------------------------- blobs
    def put_blob(self, data: bytes) -> str:
        digest = hashlib.sha256(data).hexdigest()
        with self._lock:
            self.db.execute("insert or ignore into blobs (sha256, size, data) values (?, ?, ?)",
                            [digest, len(data), data])
        return digest

    def has_blob(self, digest: str) -> bool:
        return self.db.execute("select 1 from blobs where sha256 = ?", [digest]).fetchone() is not None

    def get_blob(self, digest: str) -> bytes | None:
        row = self.db.execute("select data from blobs where sha256 = ?", [digest]).fetchone()
        return None if row is None else bytes(row[0])

    # ---------------------------------------------------------------- scores
    def put_score(self, run_id: str, kind: str, name: str, **fields: Any) -> None:
        with self._lock:
            self.db["scores"].upsert(_encode({"run_id": run_id, "kind": kind, "name": name, **fields}),
                                     pk=("run_id", "kind", "name"))

    def scores(self, run_id: str) -> list[dict[str, Any]]:
        return [_decode(r) for r in self.db.query(
            "select * from scores where run_id = ? order by rowid", [run_id])]

    # ---------------------------------------------------------------- workspace reconstruction
    def workspace_at(self, run_id: str, seq: int | None = None) -> dict[str, str]:
        """The workspace (path -> sha256) as it was after event `seq` (the end when None):
        a fold over workspace_changed events."""
        tree: dict[str, str] = {}
        sql = "select seq, payload from events where run_id = ? and type = 'workspace_changed'"
        args: list[Any] = [run_id]
        if seq is not None:
            sql, args = sql + " and seq <= ?", args + [seq]
        for r in self.db.query(sql + " order by seq", args):
            p = json.loads(r["payload"])
            if p["op"] == "deleted":
                tree.pop(p["path"], None)
            else:
                tree[p["path"]] = p["sha256"]
        return dict(sorted(tree.items()))

    def file_at(self, run_id: str, path: str, seq: int | None = None) -> bytes | None:
        digest = self.workspace_at(run_id, seq).get(path)
        return None if digest is None else self.get_blob(digest)

    # ---------------------------------------------------------------- suite runs
    def create_suite_run(self, suite_run_id: str, **fields: Any) -> None:
        row = {"id": suite_run_id, "status": "running", "started_at": time.time(), "pid": os.getpid(),
               "host": socket.gethostname(), **fields}
        with self._lock:
            self.db["suite_runs"].insert(_encode_suite_run(row))

    def update_suite_run(self, suite_run_id: str, **fields: Any) -> None:
        if "status" in fields and fields["status"] not in SUITE_RUN_STATUSES:
            raise ValueError(f"suite run status must be one of {SUITE_RUN_STATUSES}, got {fields['status']!r}")
        with self._lock:
            self.db["suite_runs"].update(suite_run_id, _encode_suite_run(fields))

    def get_suite_run(self, suite_run_id: str) -> dict[str, Any] | None:
        """A suite run by id, or by a unique id prefix."""
        rows = list(self.db.query("select * from suite_runs where id = ?", [suite_run_id]))
        if not rows:
            rows = list(self.db.query("select * from suite_runs where id like ? order by started_at desc limit 2",
                                      [suite_run_id + "%"]))
            if len(rows) != 1:
                return None
        return _decode_suite_run(rows[0])

    def list_suite_runs(self, limit: int = 100) -> list[dict[str, Any]]:
        return [_decode_suite_run(r) for r in self.db.query(
            "select * from suite_runs order by started_at desc limit ?", [limit])]

    def find_unfinished_suite_run(self, suite_path: str, agent: str, model: str | None, judge: str | None,
                                  samples: int) -> dict[str, Any] | None:
        """The latest suite run with this configuration that did not finish (the one to resume)."""
        rows = list(self.db.query(
            "select * from suite_runs where suite_path = ? and agent = ? and model is ? and judge is ? "
            "and samples = ? and status != 'finished' order by started_at desc limit 1",
            [suite_path, agent, model, judge, samples]))
        return _decode_suite_run(rows[0]) if rows else None

    def mark_interrupted_suite_runs(self) -> list[str]:
        """Suite runs left 'running' by a process on this host that no longer exists are interrupted."""
        host = socket.gethostname()
        dead = [r["id"] for r in self.db.query("select id, pid, host from suite_runs where status = 'running'")
                if r["host"] == host and r["pid"] and not pid_alive(r["pid"])]
        for suite_run_id in dead:
            self.update_suite_run(suite_run_id, status="interrupted")
        return dead

    def runs_of_suite_run(self, suite_run_id: str) -> list[dict[str, Any]]:
        """Every run of a suite run (resumed attempts included), oldest first."""
        return [_decode(r) for r in self.db.query(
            "select * from runs where suite_run_id = ? order by started_at, rowid", [suite_run_id])]


_JSON_COLUMNS = {"capabilities", "origin", "detail", "observed", "expected", "meta"}


def _encode(row: dict[str, Any]) -> dict[str, Any]:
    return {k: (json.dumps(v, default=str) if k in _JSON_COLUMNS and v is not None else v) for k, v in row.items()}


def _decode(row: dict[str, Any]) -> dict[str, Any]:
    out = dict(row)
    for k in _JSON_COLUMNS & out.keys():
        if isinstance(out[k], str):
            try:
                out[k] = json.loads(out[k])
            except json.JSONDecodeError:
                pass
    return out


def _encode_suite_run(row: dict[str, Any]) -> dict[str, Any]:
    return {k: (json.dumps(v, default=str) if k == "config" and v is not None else v) for k, v in row.items()}


def _decode_suite_run(row: dict[str, Any]) -> dict[str, Any]:
    out = dict(row)
    if isinstance(out.get("config"), str):
        out["config"] = json.loads(out["config"])
    return out
