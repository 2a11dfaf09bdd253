"""Isolated workspaces for agent runs: one Sandbox protocol, two backends (docker, bwrap).

    with create_sandbox(task_dir / "workspace") as sb:
        sb.exec("python3 make_report.py", timeout=30)
        sb.snapshot()
"""
from __future__ import annotations

from pathlib import Path

from .base import (DEFAULT_MAX_OUTPUT, STAGE_DIR, TRUNCATION_MARK, WORKDIR, ExecResult, FileEntry,
                   OutputBuffer, Sandbox, SandboxError, SandboxLimits, SandboxPathError,
                   SandboxUnavailable, check_aliases, normalize_relpath, truncate_output)
from .image import DEFAULT_IMAGE, build_image, build_image_offline, image_exists

BACKENDS = ("docker", "bwrap")

__all__ = [
    "BACKENDS", "DEFAULT_IMAGE", "DEFAULT_MAX_OUTPUT", "STAGE_DIR", "TRUNCATION_MARK", "WORKDIR",
    "ExecResult", "FileEntry", "OutputBuffer", "Sandbox", "SandboxError", "SandboxLimits",
    "SandboxPathError", "SandboxUnavailable", "backend_problem", "build_image", "build_image_offline", "check_aliases",
    "create_sandbox", "gc", "image_exists", "normalize_relpath", "select_backend", "truncate_output",
]


def backend_problem(name: str, image: str | None = None) -> str | None:
    """None when backend `name` can run sandboxes here, else a message saying what to install or start."""
    if name == "bwrap":
        from .bwrap_backend import bwrap_problem
        return bwrap_problem()
    if name == "docker":
        from .docker_backend import docker_problem
        return docker_problem(image or DEFAULT_IMAGE)
    raise ValueError(f"unknown sandbox backend {name!r}; expected one of: {', '.join(BACKENDS)} (or 'auto')")


def select_backend(requested: str | None = "auto", image: str | None = None) -> str:
    """The backend to use: `requested` if it can run, or for 'auto'/None docker when an engine answers
    and has the image, else bwrap. Raises SandboxUnavailable saying what to install."""
    if requested not in (None, "auto"):
        problem = backend_problem(requested, image)   # raises ValueError for an unknown name
        if problem:
            raise SandboxUnavailable(f"{requested} sandbox unavailable: {problem}")
        return requested
    problems = {}
    for name in BACKENDS:
        problems[name] = backend_problem(name, image)
        if problems[name] is None:
            return name
    raise SandboxUnavailable("no sandbox backend is available; install one of them:\n"
                             + "\n".join(f"  {name}: {why}" for name, why in problems.items()))


def create_sandbox(workspace: Path | None, backend: str | None = "auto", limits: SandboxLimits | None = None,
                   run_id: str | None = None, image: str | None = None, aliases: tuple[str, ...] = ()) -> Sandbox:
    """A fresh sandbox holding a copy of the host folder `workspace` (None: empty) at /workspace, and
    at each of `aliases` too (absolute paths that external checkers expect, e.g. /root/.openclaw/workspace)."""
    name = select_backend(backend, image)
    if name == "docker":
        from .docker_backend import DockerSandbox
        return DockerSandbox(workspace, limits=limits, run_id=run_id, image=image, aliases=aliases)
    from .bwrap_backend import BwrapSandbox
    return BwrapSandbox(workspace, limits=limits, run_id=run_id, aliases=aliases)


def gc(all: bool = False) -> list[str]:
    """Remove leaked sandboxes of every backend that is available (see docker_backend.gc and
    bwrap_backend.gc); returns what was removed."""
    from . import bwrap_backend, docker_backend

    removed = bwrap_backend.gc(all=all)
    if docker_backend.engine_problem() is None:
        removed += docker_backend.gc(all=all)
    return removed
