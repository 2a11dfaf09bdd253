"""Training jobs as detached processes the app can leave and come back to.

A job is a folder under <db folder>/jobs/<id>/: job.json (what was launched, pid), log.txt
(stdout+stderr), metrics.jsonl (written by the trainer) and status.json (written by the job
when it ends). A job whose process is gone without a status.json died."""
from __future__ import annotations

import json
import os
import secrets
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from store import pid_alive


def jobs_dir(db_path: Path | str) -> Path:
    return Path(db_path).expanduser().resolve().parent / "jobs"


@dataclass
class Job:
    id: str
    path: Path
    argv: list[str]
    pid: int | None
    started_at: float
    label: str = ""

    @property
    def log_path(self) -> Path:
        return self.path / "log.txt"

    @property
    def metrics_path(self) -> Path:
        return self.path / "metrics.jsonl"

    def status(self) -> dict[str, Any]:
        """{'state': running|finished|failed|died, ...} from status.json or the process table."""
        status_file = self.path / "status.json"
        if status_file.exists():
            try:
                return json.loads(status_file.read_text())
            except json.JSONDecodeError:
                pass
        if self.pid and _alive(self.pid):
            return {"state": "running"}
        return {"state": "died", "error": "the process ended without writing status.json"}

    def metrics(self) -> list[dict[str, Any]]:
        if not self.metrics_path.exists():
            return []
        out = []
        for line in self.metrics_path.read_text(encoding="utf-8").splitlines():
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError:
                continue        # a line being written right now
        return out

    def losses(self) -> list[float]:
        return [m["loss"] for m in self.metrics() if isinstance(m.get("loss"), (int, float))]

    def log_tail(self, lines: int = 200) -> list[str]:
        if not self.log_path.exists():
            return []
        return self.log_path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:]


def _alive(pid: int) -> bool:
    if not pid_alive(pid):
        return False
    try:   # a finished child we started ourselves is a zombie until reaped
        done, _ = os.waitpid(pid, os.WNOHANG)
        return done == 0
    except ChildProcessError:
        return True


def launch(root: Path | str, argv: list[str], label: str = "") -> Job:
    """Start `clawbench ARGV... --job-dir DIR` detached (own session, survives the app)."""
    root = Path(root)
    job_id = time.strftime("j%Y%m%d-%H%M%S-") + secrets.token_hex(2)
    path = root / job_id
    path.mkdir(parents=True)
    command = [sys.executable, "-m", "clawbench_tui.cli", *argv, "--job-dir", str(path)]
    with (path / "log.txt").open("wb") as log:
        proc = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                start_new_session=True, cwd=os.getcwd(), env=dict(os.environ, PYTHONUNBUFFERED="1"))
    job = Job(job_id, path, command, proc.pid, time.time(), label)
    (path / "job.json").write_text(json.dumps({"id": job_id, "argv": command, "pid": proc.pid,
                                               "started_at": job.started_at, "label": label}, indent=2))
    return job


def list_jobs(root: Path | str) -> list[Job]:
    root = Path(root)
    jobs = []
    for meta in sorted(root.glob("*/job.json"), reverse=True):
        try:
            d = json.loads(meta.read_text())
        except (json.JSONDecodeError, OSError):
            continue
        jobs.append(Job(d["id"], meta.parent, d["argv"], d.get("pid"), d.get("started_at", 0.0), d.get("label", "")))
    return jobs


def stop(job: Job) -> None:
    if job.pid and job.status()["state"] == "running":
        os.killpg(job.pid, signal.SIGTERM)


def write_status(job_dir: Path | str, state: str, **fields: Any) -> None:
    """Called by the job itself when it ends."""
    Path(job_dir, "status.json").write_text(json.dumps({"state": state, "ended_at": time.time(), **fields},
                                                       indent=2, default=str))
