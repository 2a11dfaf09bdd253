"""Backend selection and the messages that say what to install (real engines; only the 'neither
backend' case swaps in a stand-in problem check)."""
from __future__ import annotations

import pytest

import sandbox
from sandbox import SandboxUnavailable, backend_problem, select_backend
from sandbox.bwrap_backend import bwrap_problem
from sandbox.docker_backend import docker_problem, engine_problem


def test_unknown_backend_lists_the_choices():
    with pytest.raises(ValueError, match="expected one of: docker, bwrap"):
        select_backend("podman")
    with pytest.raises(ValueError, match="podman"):
        backend_problem("podman")


def test_forced_backend(bwrap_backend, docker_backend):
    assert select_backend("bwrap") == "bwrap"
    assert select_backend("docker") == "docker"


def test_auto_prefers_docker_when_it_has_the_image(bwrap_backend, docker_backend):
    assert select_backend() == "docker"
    assert select_backend(None) == "docker"
    # without the image docker cannot run, so auto falls back to bwrap
    assert select_backend("auto", image="clawbench/no-such-image:nope") == "bwrap"
    with pytest.raises(SandboxUnavailable, match="build-image --offline"):
        select_backend("docker", image="clawbench/no-such-image:nope")


def test_bwrap_missing_message(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    assert bwrap_problem() == "bwrap not found: apt-get install bubblewrap"


def test_engine_not_answering_message(monkeypatch, tmp_path):
    monkeypatch.setenv("DOCKER_HOST", f"unix://{tmp_path}/no.sock")
    problem = engine_problem()
    assert problem.startswith(f"docker engine not answering at unix://{tmp_path}/no.sock")
    assert problem.endswith("install docker.io and start dockerd")
    assert docker_problem() == problem


def test_neither_backend_says_what_to_install(monkeypatch):
    messages = {"bwrap": "bwrap not found: apt-get install bubblewrap",
                "docker": "docker engine not answering at unix:///x: install docker.io and start dockerd"}
    monkeypatch.setattr(sandbox, "backend_problem", lambda name, image=None: messages[name])
    with pytest.raises(SandboxUnavailable) as info:
        select_backend()
    text = str(info.value)
    assert "apt-get install bubblewrap" in text and "install docker.io" in text
    with pytest.raises(SandboxUnavailable, match="bwrap sandbox unavailable: bwrap not found"):
        select_backend("bwrap")


def test_package_gc_sweeps_both_backends(bwrap_backend, docker_backend):
    with sandbox.create_sandbox(None, backend="bwrap") as live:
        removed = sandbox.gc()
        assert isinstance(removed, list)
        assert live.exec("true").ok          # a live sandbox of this process is never swept
