"""The SQLite store: migrations, run rows, the ordered event stream, blobs, reconstruction,
and what a killed process leaves behind."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from store import SCHEMA_VERSION, Store, default_db_path


def test_schema_is_versioned_and_wal(tmp_path):
    path = tmp_path / "c.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    assert conn.execute("pragma user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("pragma journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in conn.execute("select name from sqlite_master where type='table'")}
    assert {"tasks", "runs", "events", "blobs", "scores"} <= tables
    Store(path).close()  # reopening migrates nothing and keeps the data


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "c.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"pragma user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    with pytest.raises(RuntimeError, match="newer than this clawbench"):
        Store(path)


def test_default_path_follows_env(monkeypatch, tmp_path):
    monkeypatch.setenv("CLAWBENCH_DB", str(tmp_path / "x.db"))
    assert default_db_path() == tmp_path / "x.db"
    monkeypatch.delenv("CLAWBENCH_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_db_path() == tmp_path / "xdg" / "clawbench" / "clawbench.db"


def test_events_are_ordered_and_typed(tmp_path):
    s = Store(tmp_path / "c.db")
    s.create_run("r1", task_id="t", agent="oracle")
    for i in range(5):
        s.append_event("r1", "tool_call", {"i": i})
    events = list(s.events("r1"))
    assert [e.seq for e in events] == [0, 1, 2, 3, 4]
    assert [e.payload["i"] for e in events] == [0, 1, 2, 3, 4]
    assert [e.seq for e in s.events("r1", after=2)] == [3, 4]
    assert s.count_events("r1") == 5


def test_blobs_are_content_addressed(tmp_path):
    s = Store(tmp_path / "c.db")
    a = s.put_blob(b"same")
    assert s.put_blob(b"same") == a
    assert s.get_blob(a) == b"same"
    assert s.db.execute("select count(*) from blobs").fetchone()[0] == 1


def test_workspace_reconstruction_is_a_fold(tmp_path):
    s = Store(tmp_path / "c.db")
    s.create_run("r", task_id="t", agent="oracle")
    h1, h2 = s.put_blob(b"v1"), s.put_blob(b"v2")
    seqs = [
        s.append_event("r", "workspace_changed", {"path": "a.txt", "op": "added", "sha256": h1}).seq,
        s.append_event("r", "workspace_changed", {"path": "b.txt", "op": "added", "sha256": h1}).seq,
        s.append_event("r", "workspace_changed", {"path": "a.txt", "op": "modified", "sha256": h2}).seq,
        s.append_event("r", "workspace_changed", {"path": "b.txt", "op": "deleted", "sha256": None}).seq,
    ]
    assert s.workspace_at("r", seqs[0]) == {"a.txt": h1}
    assert s.workspace_at("r", seqs[1]) == {"a.txt": h1, "b.txt": h1}
    assert s.file_at("r", "a.txt", seqs[2]) == b"v2"
    assert s.workspace_at("r") == {"a.txt": h2}


def test_run_prefix_lookup_and_status_validation(tmp_path):
    s = Store(tmp_path / "c.db")
    s.create_run("20260101-abc", task_id="t", agent="null")
    assert s.get_run("20260101")["id"] == "20260101-abc"
    with pytest.raises(ValueError, match="run status must be one of"):
        s.update_run("20260101-abc", status="exploded")


def test_killed_writer_leaves_events_intact_and_run_interrupted(tmp_path):
    """A process killed with SIGKILL mid-run: every committed event survives, and the next
    opener marks the run interrupted."""
    db = tmp_path / "c.db"
    code = textwrap.dedent(f"""
        import sys, time
        sys.path.insert(0, {os.getcwd()!r})
        from store import Store
        s = Store({str(db)!r})
        s.create_run("r-killed", task_id="t", agent="oracle")
        for i in range(1000000):
            s.append_event("r-killed", "tool_call", {{"i": i}})
            if i == 50:
                print("ready", flush=True)
            time.sleep(0.001)
    """)
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ready"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    s = Store(db)
    events = list(s.events("r-killed"))
    assert len(events) >= 51
    assert [e.seq for e in events] == list(range(len(events)))  # no gap, no torn write
    assert s.get_run("r-killed")["status"] == "running"
    assert s.mark_interrupted_runs() == ["r-killed"]
    run = s.get_run("r-killed")
    assert run["status"] == "interrupted" and "died" in run["error"]
