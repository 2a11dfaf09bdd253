"""Running the `clawbench` CLI as a user does: a separate process with its own database."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

CLI = [sys.executable, "-m", "clawbench_tui.cli"]


def cli_env(db: Path) -> dict[str, str]:
    return dict(os.environ, CLAWBENCH_DB=str(db))


def clawbench(*args: str, db: Path, check: bool = True) -> subprocess.CompletedProcess:
    """Run one command to the end; with `check`, a non-zero exit fails the test with its stderr."""
    proc = subprocess.run([*CLI, *args], capture_output=True, text=True, env=cli_env(db), timeout=300)
    if check:
        assert proc.returncode == 0, proc.stderr
    return proc


def _ctrl_c_as_in_a_terminal() -> None:
    # a shell starts background jobs with SIGINT ignored, and Python then installs no Ctrl-C handler:
    # tests run that way (`bash .ci/run &`) would see a "Ctrl-C" do nothing
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start_clawbench(*args: str, db: Path) -> subprocess.Popen:
    """Start a command and return at once (to interrupt it, or to watch it while it runs)."""
    return subprocess.Popen([*CLI, *args], env=cli_env(db), text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            preexec_fn=_ctrl_c_as_in_a_terminal)
