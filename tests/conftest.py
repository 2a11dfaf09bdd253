"""Shared fixtures. Docker and bwrap tests skip on a laptop without them, but fail in CI:
`.ci/run` sets CLAWBENCH_REQUIRE_SANDBOXES=1 so a missing engine is an error, never a silent skip."""
from __future__ import annotations

import os

import pytest

REQUIRE_SANDBOXES = os.environ.get("CLAWBENCH_REQUIRE_SANDBOXES") == "1"


def require_backend(name: str) -> None:
    """Skip (locally) or fail (CI) when the sandbox backend `name` cannot run."""
    from sandbox import backend_problem

    problem = backend_problem(name)
    if problem is None:
        return
    if REQUIRE_SANDBOXES:
        pytest.fail(f"{name} sandbox required (CLAWBENCH_REQUIRE_SANDBOXES=1) but unavailable: {problem}")
    pytest.skip(f"{name} sandbox unavailable: {problem}")


@pytest.fixture(params=["bwrap", "docker"])
def backend(request) -> str:
    """Parametrises a test over both sandbox backends."""
    require_backend(request.param)
    return request.param


@pytest.fixture
def bwrap_backend() -> str:
    require_backend("bwrap")
    return "bwrap"


@pytest.fixture
def docker_backend() -> str:
    require_backend("docker")
    return "docker"
