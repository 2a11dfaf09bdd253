"""The `clawbench` command as a user runs it (a real subprocess, a real database)."""
from __future__ import annotations

import json
import shutil

import pytest
import yaml

from cli_helpers import clawbench
from core.task import default_task_root, load_tasks

EXAMPLE = load_tasks(default_task_root() / "examples")[0][0]


@pytest.fixture
def db(tmp_path):
    return tmp_path / "cli.db"


def test_run_show_export(db, bwrap_backend):
    out = clawbench("run", EXAMPLE.id, "--sandbox", "bwrap", db=db).stdout
    assert "score    100.0" in out and "solved   yes" in out and "PASS" in out
    run_id = out.split()[1]

    data = json.loads(clawbench("run", str(EXAMPLE.path), "--agent", "null", "--sandbox", "bwrap", "--json",
                                db=db, check=False).stdout)
    assert data["solved"] is False and any(not c["passed"] for c in data["checks"])

    shown = clawbench("show", run_id, db=db).stdout
    assert "run started" in shown and "-> " in shown and "score 100.0" in shown

    exported = json.loads(clawbench("export", run_id, "--format", "openai", db=db).stdout)
    assert exported["messages"][0]["role"] == "system" and exported["tools"]
    md = clawbench("export", run_id, "--format", "markdown", db=db).stdout
    assert md.startswith(f"# Run {run_id}") and "## Instruction" in md

    runs = clawbench("runs", db=db).stdout
    assert run_id in runs and "finished" in runs


def test_tasks_lists_and_reports_broken_tasks(db, tmp_path):
    out = clawbench("tasks", db=db).stdout
    assert EXAMPLE.id in out
    listed = json.loads(clawbench("tasks", "--json", db=db).stdout)
    assert {t["domain"] for t in listed} >= {EXAMPLE.domain}

    suite = tmp_path / "suite"
    shutil.copytree(EXAMPLE.path, suite / "good")
    (suite / "bad" / "workspace").mkdir(parents=True)
    (suite / "bad" / "task.yaml").write_text(yaml.safe_dump({"id": "bad", "title": "b", "domain": "cooking",
                                                             "difficulty": "easy", "instruction": "x", "checks": []}))
    proc = clawbench("tasks", str(suite), db=db, check=False)
    assert proc.returncode == 1 and EXAMPLE.id in proc.stdout
    assert "bad/task.yaml: domain: one of productivity" in proc.stderr


@pytest.mark.parametrize("args, message", [
    (["run", "no-such-task"], "a task folder or the id of a built-in task"),
    (["run", "EXAMPLE", "--agent", "native"], "needs --model"),
    (["show", "nope"], "no stored run 'nope'"),
    (["tasks", "/does/not/exist"], "does not exist"),
])
def test_errors_are_one_clear_line(db, args, message):
    args = [EXAMPLE.id if a == "EXAMPLE" else a for a in args]
    proc = clawbench(*args, db=db, check=False)
    assert proc.returncode == 2
    assert proc.stderr.startswith("clawbench: error:") and message in proc.stderr
    assert "Traceback" not in proc.stderr


def test_sandbox_status(db):
    out = clawbench("sandbox", "status", db=db, check=False).stdout
    assert out.startswith("docker") and "\nbwrap" in out


def test_sandbox_gc_runs(db, docker_backend):
    out = clawbench("sandbox", "gc", db=db).stdout
    assert out.startswith("removed ")


def test_app_on_a_missing_task_folder_says_so(capsys):
    from clawbench_tui.cli import main

    assert main(["--tasks", "/no/such/tasks"]) == 2
    assert "--tasks /no/such/tasks: no such file or folder" in capsys.readouterr().err
