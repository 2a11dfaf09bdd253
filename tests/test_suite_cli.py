"""`clawbench bench`, `report` and `suite validate` as a user runs them: real subprocesses, a
real database, bwrap sandboxes; Ctrl-C and kill -9 in the middle of a suite, then resume."""
from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from cli_helpers import clawbench, start_clawbench
from test_suite_helpers import GOOD_MUTANT, HARMLESS_MUTANT, make_suite, make_task


def wait_for_line(proc: subprocess.Popen, prefix: str) -> list[str]:
    lines = []
    while True:
        line = proc.stderr.readline()
        assert line, f"bench ended before printing {prefix!r}: {lines}"
        lines.append(line)
        if line.startswith(prefix):
            return lines


def wait_until_running(db: Path, task_id: str, timeout_s: float = 30) -> None:
    deadline = time.monotonic() + timeout_s
    while not query(db, f"select id from runs where task_id = '{task_id}' and status = 'running'"):
        assert time.monotonic() < deadline, f"{task_id} never started"
        time.sleep(0.02)


def query(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


@pytest.fixture
def db(tmp_path):
    return tmp_path / "cli.db"


def test_bench_and_report(db, tmp_path, bwrap_backend):
    suite = str(make_suite(tmp_path / "suite", 3))
    proc = clawbench("bench", "--suite", suite, "--agent", "oracle", "-j", "2", "--sandbox", "bwrap", db=db)
    assert "starting suite run" in proc.stderr and "[3/3] finished" in proc.stderr
    assert "score      100.0" in proc.stdout and "BY DOMAIN" in proc.stdout
    oracle_id = proc.stdout.split()[2]

    data = json.loads(clawbench("bench", "--suite", suite, "--agent", "null", "--samples", "2", "--sandbox",
                                "bwrap", "--json", db=db).stdout)
    assert data["status"] == "finished" and data["ran"] == 6 and data["report"]["overall"]["solved_rate"] == 0.0
    assert set(data["report"]["overall"]["pass_at_k"]) == {"1", "2"}
    null_id = data["suite_run_id"]

    table = clawbench("report", oracle_id, "--vs", null_id, db=db).stdout
    assert "0 gained, 3 lost" in table and "-50.0" in table
    compared = json.loads(clawbench("report", oracle_id, "--vs", null_id, "--format", "json", db=db).stdout)
    assert sorted(compared["lost"]) == ["t0", "t1", "t2"] and compared["groups"][0]["score_delta"] == -50.0
    md = clawbench("report", null_id, "--format", "markdown", db=db).stdout
    assert md.startswith("# Suite report") and "| pass@2 |" in md
    assert json.loads(clawbench("report", oracle_id, "--format", "json", db=db).stdout)["overall"]["score"] == 100.0
    assert oracle_id in clawbench("suite", "runs", db=db).stdout


@pytest.mark.parametrize("stop", ["ctrl-c", "kill-9"])
def test_interrupted_bench_resumes_with_the_same_command(db, tmp_path, bwrap_backend, stop):
    suite = str(make_suite(tmp_path / "suite", 3, sleep_s=1))
    args = ["--suite", suite, "--agent", "oracle", "--sandbox", "bwrap"]
    proc = start_clawbench("bench", *args, db=db)
    wait_for_line(proc, "[1/3]")
    wait_until_running(db, "t1")   # so that a run is in flight when the signal lands
    assert proc.poll() is None, "the suite ended before it could be interrupted"
    proc.send_signal(signal.SIGINT if stop == "ctrl-c" else signal.SIGKILL)
    _, stderr = proc.communicate(timeout=60)
    if stop == "ctrl-c":
        assert proc.returncode == 130 and "resume with: clawbench bench --resume" in stderr
        assert query(db, "select status from suite_runs") == [("interrupted",)]
        assert ("cancelled",) in query(db, "select status from runs")   # the run in flight was closed
    else:
        assert proc.returncode == -signal.SIGKILL
        assert query(db, "select status from suite_runs") == [("running",)]

    again = clawbench("bench", *args, db=db)
    assert "resuming suite run" in again.stderr and "2 run(s) to do, 1 already done" in again.stderr
    assert "[2/2] finished" in again.stderr and "[3/" not in again.stderr
    assert query(db, "select status from suite_runs") == [("finished",)]
    counted = query(db, "select task_id, count(*) from runs where status = 'finished' group by task_id")
    assert counted == [("t0", 1), ("t1", 1), ("t2", 1)]
    assert not query(db, "select id from runs where status = 'running'")
    assert "score      100.0" in again.stdout


def test_suite_validate(db, tmp_path, bwrap_backend):
    root = tmp_path / "suite"
    make_task(root, "good", mutants=[GOOD_MUTANT])
    make_task(root, "blunt", mutants=[HARMLESS_MUTANT])
    (root / "broken" / "workspace").mkdir(parents=True)
    (root / "broken" / "task.yaml").write_text("id: broken\ntitle: b\ndomain: cooking\n")
    proc = clawbench("suite", "validate", str(root), "-j", "2", "--sandbox", "bwrap", db=db, check=False)
    assert proc.returncode == 1, proc.stderr
    rows = {line.split()[0]: line for line in proc.stdout.splitlines()[1:4]}
    assert rows["good"].split()[1:5] == ["100.0*", "50.0", "1/1", "valid"]
    assert "0/1  INVALID: mutant stray-file still solves it" in rows["blunt"]
    assert "INVALID: does not load: " in rows["broken"] and "broken/task.yaml: difficulty: required" in rows["broken"]
    assert "3 task(s): 1 valid, 2 invalid" in proc.stdout
    assert not db.exists() or not query(db, "select id from runs")   # a scratch database by default

    kept = tmp_path / "kept.db"
    data = json.loads(clawbench("suite", "validate", str(root / "good"), "--sandbox", "bwrap", "--json",
                                "--db", str(kept), db=db).stdout)
    assert data["valid"] == 1 and data["results"][0]["mutants"]["wrong-word"]["solved"] is False
    assert len(query(kept, "select id from runs")) == 3   # oracle, null, one mutant


@pytest.mark.parametrize("args, message", [
    (["bench", "--suite", "no-such-suite", "--agent", "oracle"], "--suite: 'no-such-suite' is neither a folder"),
    (["bench", "--suite", "examples", "--agent", "oracle", "--samples", "0"], "--samples must be a positive integer"),
    (["bench", "--suite", "examples", "--agent", "oracle", "-j", "0"], "-j/--jobs must be a positive integer"),
    (["bench", "--suite", "examples", "--agent", "native"], "--agent native needs --model"),
    (["bench", "--resume", "nope"], "--resume: no suite run 'nope'"),
    (["bench", "--suite", "examples"], "--agent is required"),
    (["report", "nope"], "SUITE_RUN_ID: no suite run 'nope'"),
    (["suite", "validate", "no-such-suite"], "SUITE: 'no-such-suite' is neither a folder"),
])
def test_errors_name_the_argument(db, args, message):
    proc = clawbench(*args, db=db, check=False)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.startswith("clawbench: error:") and message in proc.stderr
    assert "Traceback" not in proc.stderr
