"""What only the bwrap backend has: a read-only host view, hidden host data, host-side folders, gc."""
from __future__ import annotations

import os
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from sandbox import create_sandbox
from sandbox import bwrap_backend
from sandbox.bwrap_backend import BwrapSandbox


@pytest.fixture(scope="module")
def box():
    from conftest import require_backend
    require_backend("bwrap")
    sb = create_sandbox(None, backend="bwrap", run_id="test-bwrap")
    yield sb
    sb.destroy()


def test_root_is_read_only(box):
    for target in ["/usr/pwned", "/etc/pwned", "/pwned", "/var/pwned", f"{bwrap_backend.STAGE_DIR}/pwned"]:
        res = box.exec(["sh", "-c", f"echo x > {target}"])
        assert res.exit_code != 0 and "Read-only file system" in res.stderr, target
        assert not os.path.exists(target)


def test_host_data_is_hidden(box):
    assert box.exec("find /root /home /run /var/tmp -mindepth 1 | wc -l").stdout.strip() == "0"
    assert box.exec("ls /opt").stdout.split() == ["clawbench"]
    top = set(box.exec("ls /").stdout.split())
    assert {"usr", "etc", "tmp", "workspace"} <= top
    assert not top & {"work", "srv", "mnt", "media", "boot"}  # not mounted at all
    assert box.exec(["ls", str(Path(box.host_workspace).parent)]).exit_code != 0


def test_host_secrets_are_not_readable(box):
    r = box.exec("cat /etc/shadow /etc/gshadow 2>/dev/null | wc -c; ls -A /etc/ssl/private 2>/dev/null | wc -l")
    assert r.stdout.split() == ["0", "0"]


def test_tmp_and_home_persist_between_execs(box):
    assert box.exec("echo kept > /tmp/state && echo $HOME").stdout == "/tmp\n"
    assert box.exec("cat /tmp/state").stdout == "kept\n"


def test_no_capabilities_and_own_pid_namespace(box):
    status = box.exec("grep CapEff /proc/self/status").stdout.split()
    assert status[1] == "0000000000000000"
    assert box.exec("ps -e --no-headers | wc -l").stdout.strip() in {"2", "3", "4"}


def test_background_processes_do_not_outlive_the_exec(box):
    res = box.exec("(sleep 31.7 &) ; echo started", timeout=10)
    assert res.ok and res.duration_s < 5
    time.sleep(0.2)
    host = subprocess.run(["pgrep", "-f", "sleep 31.7"], capture_output=True, text=True)
    assert host.stdout.strip() == ""                  # the pid namespace went with the exec


def test_destroy_copes_with_read_only_folders():
    sb = BwrapSandbox(None)
    root = Path(sb._root)
    assert sb.exec("mkdir -p locked/inner && touch locked/inner/f && chmod -R a-w locked && chmod 000 locked").ok
    sb.destroy()
    assert not root.exists()


def test_gc_removes_folders_of_dead_owners(box):
    proc = subprocess.Popen(["true"])
    proc.wait()
    stale = Path(tempfile.mkdtemp(prefix=f"{bwrap_backend.DIR_PREFIX}{proc.pid}-stale-"))
    (stale / "workspace").mkdir()
    removed = bwrap_backend.gc()
    assert str(stale) in removed and not stale.exists()
    assert Path(box.host_workspace).exists()          # ours: owner alive


def test_file_errors_name_the_sandbox_path(box):
    with pytest.raises(FileNotFoundError) as info:
        box.read_file("nope/missing.txt")
    assert info.value.filename == "/workspace/nope/missing.txt"
