"""The Sandbox protocol every backend implements, and the values it passes around.

Paths given to file operations are relative to the workspace root. Anything that would
leave the workspace (absolute paths, `..`, symlinks pointing outside) raises
SandboxPathError, so an agent's file tools can never touch the host.
"""
from __future__ import annotations

import os
import posixpath
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, runtime_checkable

WORKDIR = "/workspace"          # where the workspace appears inside every sandbox
STAGE_DIR = "/opt/clawbench"    # where verifier material is staged, outside the workspace
DEFAULT_MAX_OUTPUT = 64_000
TRUNCATION_MARK = "\n[... output truncated by clawbench: {dropped} bytes dropped ...]\n"


class SandboxError(RuntimeError):
    """A sandbox could not be created or used."""


class SandboxUnavailable(SandboxError):
    """The requested backend is not installed or not answering; the message says what to install."""


class SandboxPathError(SandboxError, ValueError):
    """A path that would leave the workspace."""


@dataclass
class SandboxLimits:
    cpus: float = 1.0
    memory_mb: int = 1024
    pids: int = 256
    network: bool = False
    lifetime_s: int = 3600        # a container expires by itself after this (sleep-bounded main process)
    max_file_mb: int = 256        # largest file a process may write (RLIMIT_FSIZE on bwrap)


@dataclass
class ExecResult:
    exit_code: int                # 124 when the timeout killed it
    stdout: str
    stderr: str
    timed_out: bool = False
    truncated: bool = False       # stdout or stderr was cut at max_output and marked
    duration_s: float = 0.0

    @property
    def ok(self) -> bool:
        return self.exit_code == 0 and not self.timed_out


@dataclass
class FileEntry:
    path: str                     # relative to the workspace root, '/'-separated
    size: int
    is_dir: bool = False


def pid_alive(pid: int) -> bool:
    """Whether a process with this pid exists on this host (the owner of a sandbox, for gc)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True     # someone else's process, but alive
    return True


def normalize_relpath(path: str, aliases: tuple[str, ...] | list[str] = ()) -> str:
    """Return a clean workspace-relative path or raise SandboxPathError.

    Accepts '', '.', 'a/b', './a//b/'. Rejects absolute paths and anything escaping via '..'.
    An absolute path inside the workspace root (e.g. '/workspace/a.txt') is accepted and made relative,
    and so is one inside any of `aliases`, the other absolute roots the workspace is exposed at.
    """
    if path is None:
        raise SandboxPathError("path is required")
    p = str(path).replace("\\", "/").strip()
    for root in (WORKDIR, *aliases):
        if p.startswith(root + "/") or p == root:
            p = p[len(root):].lstrip("/")
            break
    if p.startswith("/"):
        raise SandboxPathError(f"absolute path {path!r} is outside the workspace; use a path relative to it")
    norm = posixpath.normpath(p) if p else "."
    if norm == ".." or norm.startswith("../"):
        raise SandboxPathError(f"path {path!r} leaves the workspace")
    return "" if norm == "." else norm


# Where a workspace alias may not go: system folders every sandbox shows read-only, and our own mounts.
ALIAS_FORBIDDEN = ("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/etc", "/var",
                   "/proc", "/sys", "/dev", "/boot", WORKDIR, STAGE_DIR)
# Top-level folders a sandbox needs for itself: an alias may go inside them, not replace them.
ALIAS_NOT_EXACTLY = ("/tmp", "/run", "/root", "/home", "/opt", "/mnt", "/media", "/srv")


def check_aliases(aliases) -> tuple[str, ...]:
    """Validate the extra absolute paths a sandbox exposes its workspace at (external checkers expect
    e.g. /root/.openclaw/workspace). Returns them as a tuple; raises SandboxPathError naming the problem."""
    out: list[str] = []
    for alias in aliases or ():
        if not isinstance(alias, str) or not alias.startswith("/") or alias == "/":
            raise SandboxPathError(f"workspace alias {alias!r} must be an absolute path below /")
        if posixpath.normpath(alias) != alias or "//" in alias:
            raise SandboxPathError(f"workspace alias {alias!r} must be normalised "
                                   f"(like {posixpath.normpath(alias)!r})")
        if alias in ALIAS_NOT_EXACTLY:
            raise SandboxPathError(f"workspace alias {alias!r} would replace a whole system folder; "
                                   f"use a folder inside it, such as {alias}/workspace")
        for bad in ALIAS_FORBIDDEN:
            if alias == bad or alias.startswith(bad + "/") or bad.startswith(alias + "/"):
                raise SandboxPathError(f"workspace alias {alias!r} overlaps {bad}, which the sandbox "
                                       f"uses itself; pick a path such as /root/... or /home/...")
        for other in out:
            if alias == other or alias.startswith(other + "/") or other.startswith(alias + "/"):
                raise SandboxPathError(f"workspace aliases {other!r} and {alias!r} overlap")
        out.append(alias)
    return tuple(out)


def truncate_output(data: bytes, max_output: int) -> tuple[str, bool]:
    """Decode bytes, keeping at most max_output bytes and marking what was dropped."""
    if len(data) <= max_output:
        return data.decode("utf-8", errors="replace"), False
    dropped = len(data) - max_output
    return data[:max_output].decode("utf-8", errors="replace") + TRUNCATION_MARK.format(dropped=dropped), True


class FinalizedSandbox:
    """Lifecycle shared by the backends: `self._finalizer` (a weakref.finalize that tears the sandbox
    down) makes destroy idempotent and also runs if the object is dropped without destroy()."""

    _finalizer: "weakref.finalize"

    def destroy(self) -> None:
        self._finalizer()

    @property
    def alive(self) -> bool:
        return self._finalizer.alive

    def _check_alive(self) -> None:
        if not self._finalizer.alive:
            raise SandboxError(f"{self.backend} sandbox {self.run_id} was destroyed")

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.destroy()


@runtime_checkable
class Sandbox(Protocol):
    backend: str                  # "docker" or "bwrap"
    run_id: str
    workdir: str                  # absolute path of the workspace inside the sandbox
    aliases: tuple[str, ...]      # other absolute paths that show the same workspace (may be empty)

    def exec(self, argv: list[str] | str, cwd: str = "", env: dict[str, str] | None = None,
             timeout: float = 60.0, max_output: int = DEFAULT_MAX_OUTPUT) -> ExecResult:
        """Run a command inside the sandbox. A str is run through `sh -c`. cwd is workspace-relative."""

    def read_file(self, path: str) -> bytes: ...
    def write_file(self, path: str, data: bytes | str) -> None: ...   # creates parent folders
    def delete_file(self, path: str) -> None: ...
    def list_files(self, path: str = "") -> list[FileEntry]: ...      # recursive, files and dirs, sorted
    def snapshot(self) -> dict[str, str]: ...                          # relpath -> sha256 hex, files only
    def stage(self, host_dir: Path, name: str) -> str:
        """Copy a host folder into the sandbox outside the workspace (read-only for the agent's view
        of the task, e.g. the verifier's check scripts); returns its absolute path in the sandbox."""
    def destroy(self) -> None: ...
    def __enter__(self) -> "Sandbox": ...
    def __exit__(self, *exc) -> None: ...


class OutputBuffer:
    """Keeps the first `max_output` bytes of a stream and counts the rest, so a runaway command
    costs no memory; `text()` decodes what was kept and marks the drop like truncate_output."""

    def __init__(self, max_output: int):
        self.max_output = max(0, int(max_output))
        self.kept = bytearray()
        self.total = 0

    def add(self, chunk: bytes) -> None:
        room = self.max_output - len(self.kept)
        if room > 0:
            self.kept += chunk[:room]
        self.total += len(chunk)

    def text(self) -> tuple[str, bool]:
        body = self.kept.decode("utf-8", errors="replace")
        if self.total <= self.max_output:
            return body, False
        return body + TRUNCATION_MARK.format(dropped=self.total - self.max_output), True


def check_file_size(path: str, size: int, limits: SandboxLimits) -> None:
    """The file API obeys the same size limit as processes inside the sandbox (RLIMIT_FSIZE)."""
    if size > limits.max_file_mb * 1024 * 1024:
        raise SandboxError(f"{path}: {size} bytes is over the sandbox's file size limit "
                           f"of {limits.max_file_mb} MB (SandboxLimits.max_file_mb)")
