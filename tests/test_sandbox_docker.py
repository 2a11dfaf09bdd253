"""What only the docker backend has: container settings, labels, expiry and gc (real engine)."""
from __future__ import annotations

import os
import socket
import subprocess
import time

import pytest

from sandbox import DEFAULT_IMAGE, SandboxLimits, SandboxUnavailable, create_sandbox
from sandbox import docker_backend
from sandbox.docker_backend import DockerSandbox, docker_client, docker_problem


@pytest.fixture(scope="module")
def box(request):
    from conftest import require_backend
    require_backend("docker")
    sb = create_sandbox(None, backend="docker", run_id="test-docker",
                        limits=SandboxLimits(cpus=0.5, memory_mb=256, pids=64, lifetime_s=600))
    yield sb
    sb.destroy()


def dead_pid() -> int:
    proc = subprocess.Popen(["true"])
    proc.wait()
    return proc.pid


def test_container_settings(box):
    assert isinstance(box, DockerSandbox)
    info = docker_client().api.inspect_container(box.container_id)
    host = info["HostConfig"]
    assert host["NetworkMode"] == "none"
    assert host["NanoCpus"] == 500_000_000
    assert host["Memory"] == 256 * 1024 * 1024
    assert host["PidsLimit"] == 64
    assert info["Config"]["Cmd"] == ["sleep", "600"]      # expires by itself
    assert info["Config"]["WorkingDir"] == "/workspace"
    assert info["Config"]["Image"] == DEFAULT_IMAGE
    labels = info["Config"]["Labels"]
    assert labels["clawbench.run"] == "test-docker"
    assert labels["clawbench.pid"] == str(os.getpid())
    assert labels["clawbench.host"] == socket.gethostname()
    assert abs(int(labels["clawbench.created"]) - time.time()) < 120


def test_workspace_files_owned_by_root(tmp_path, box):
    (tmp_path / "a.txt").write_text("x")
    with create_sandbox(tmp_path, backend="docker") as sb:
        assert sb.exec("stat -c %u:%g a.txt").stdout.strip() == "0:0"


def test_destroy_removes_the_container(docker_backend):
    import docker

    sb = create_sandbox(None, backend="docker")
    cid = sb.container_id
    assert docker_client().containers.get(cid).status == "running"
    sb.destroy()
    with pytest.raises(docker.errors.NotFound):
        docker_client().containers.get(cid)
    sb.destroy()    # idempotent


def test_gc_removes_orphans_and_keeps_live_sandboxes(box):
    client = docker_client()
    now = int(time.time())
    base = {"clawbench.run": "test-gc", "clawbench.host": socket.gethostname(), "clawbench.lifetime": "600"}
    orphan = client.containers.create(DEFAULT_IMAGE, ["sleep", "600"], network_mode="none",
                                      labels={**base, "clawbench.pid": str(dead_pid()), "clawbench.created": str(now)})
    expired = client.containers.create(DEFAULT_IMAGE, ["sleep", "600"], network_mode="none",
                                       labels={**base, "clawbench.pid": str(os.getpid()),
                                               "clawbench.created": str(now - 3600)})
    try:
        removed = docker_backend.gc()
        assert orphan.name in removed and expired.name in removed
        assert box.name not in removed
        names = {c.name for c in client.containers.list(all=True, filters={"label": "clawbench.run"})}
        assert box.name in names and orphan.name not in names and expired.name not in names
        assert box.exec("echo still here").stdout == "still here\n"
    finally:
        for c in (orphan, expired):
            try:
                c.remove(force=True)
            except Exception:
                pass


def test_missing_image_is_explained(docker_backend):
    problem = docker_problem("clawbench/no-such-image:nope")
    assert problem == "image clawbench/no-such-image:nope missing: run `clawbench sandbox build-image --offline`"
    with pytest.raises(SandboxUnavailable, match="build-image --offline"):
        DockerSandbox(None, image="clawbench/no-such-image:nope")


def test_kill_after_when_term_is_ignored(box):
    started = time.monotonic()
    res = box.exec("trap '' TERM; sleep 30", timeout=1)
    assert res.timed_out and res.exit_code == 124
    assert time.monotonic() - started < 1 + docker_backend.KILL_AFTER_S + 2
