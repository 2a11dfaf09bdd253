"""docker backend: one labelled, self-expiring container per sandbox, driven through the docker SDK.

Every exec runs under `timeout --kill-after` inside the container, and the client keeps its own
deadline on top, so neither a runaway command nor a stuck engine can hang a rollout. File operations
run _fsops inside the container (one `python3 -c` exec each), so symlinks are judged where they live.
Leaked containers are found by their labels and removed by gc().

Any image works that has sh, coreutils' `timeout`, `sleep` and python3 (for the file operations).
Unlike bwrap, the agent is root in its container: the staged folder is not read-only to it, and
background processes keep an exec open until they exit or its timeout kills them.
"""
from __future__ import annotations

import functools
import inspect
import io
import json
import os
import re
import select
import socket
import struct
import tarfile
import time
import uuid
import weakref
from pathlib import Path

from . import _fsops
from .base import (FinalizedSandbox, pid_alive, DEFAULT_MAX_OUTPUT, STAGE_DIR, WORKDIR, ExecResult, FileEntry, OutputBuffer,
                   SandboxError, SandboxLimits, SandboxPathError, SandboxUnavailable, check_aliases, check_file_size,
                   normalize_relpath)
from .image import DEFAULT_IMAGE, image_exists

KILL_AFTER_S = 2            # `timeout --kill-after`: SIGTERM at the timeout, SIGKILL this much later
CLIENT_GRACE_S = 5          # the client gives up this long after the in-container timeout should have fired
LIFETIME_SLACK_S = 60       # gc removes a container this long after its lifetime is over
UNLIMITED = 1 << 40         # output cap for our own helper execs (file contents, listings)
LABEL_RUN, LABEL_PID, LABEL_HOST = "clawbench.run", "clawbench.pid", "clawbench.host"
LABEL_CREATED, LABEL_LIFETIME = "clawbench.created", "clawbench.lifetime"
# _fsops runs inside the container as `python3 -c`; its own source, plus the call.
_HELPER = inspect.getsource(_fsops) + "\nmain(sys.argv[1:])\n"


@functools.lru_cache(maxsize=1)
def docker_client():
    """One SDK client per process (it pools connections and is safe to share between threads)."""
    import docker

    try:
        return docker.from_env(timeout=120)
    except docker.errors.DockerException as exc:
        raise SandboxUnavailable(_engine_message(exc)) from exc


def _engine_message(exc: Exception) -> str:
    where = os.environ.get("DOCKER_HOST", "unix:///var/run/docker.sock")
    return f"docker engine not answering at {where} ({exc}): install docker.io and start dockerd"


def engine_problem() -> str | None:
    """None when a docker engine answers, else what to do about it."""
    try:
        import docker
    except ImportError:
        return "docker SDK missing: pip install docker"
    try:
        client = docker.from_env(timeout=5)
        try:
            client.ping()
        finally:
            client.close()
    except Exception as exc:  # connection refused, missing socket, API errors: all mean "no engine"
        return _engine_message(exc)
    return None


def docker_problem(image: str = DEFAULT_IMAGE) -> str | None:
    """None when the engine answers and has `image`, else what to do about it."""
    problem = engine_problem()
    if problem is None and not image_exists(image):
        problem = f"image {image} missing: run `clawbench sandbox build-image --offline`"
    return problem


def _remove(container_id: str) -> None:
    import docker

    try:
        docker_client().api.remove_container(container_id, force=True)
    except docker.errors.NotFound:
        pass
    except docker.errors.DockerException:
        pass    # the engine is gone; gc or the container's own lifetime will clean up


class DockerSandbox(FinalizedSandbox):
    backend = "docker"
    workdir = WORKDIR
    aliases: tuple[str, ...] = ()
    _snapshot_after_change: dict[str, str] | None = None   # taken in the same exec as the last change
    snapshot_with_changes = True   # False: a separate exec per snapshot (the baseline bench/agent_overhead.py compares)

    def __init__(self, workspace: Path | None = None, limits: SandboxLimits | None = None,
                 run_id: str | None = None, image: str | None = None, aliases: tuple[str, ...] | list[str] = ()):
        import docker

        self.aliases = check_aliases(aliases)
        self.limits = limits or SandboxLimits()
        self.run_id = run_id or uuid.uuid4().hex[:12]
        self.image = image or DEFAULT_IMAGE
        if workspace is not None and not Path(workspace).is_dir():
            raise SandboxError(f"workspace {workspace} is not a folder")
        client = docker_client()
        lim = self.limits
        safe_run = re.sub(r"[^a-zA-Z0-9_.-]", "_", self.run_id)[:40]
        fsize = lim.max_file_mb * 1024 * 1024   # same rlimits as the bwrap backend
        try:
            container = client.containers.create(
                self.image, command=["sleep", str(int(lim.lifetime_s))],
                name=f"clawbench-{safe_run}-{uuid.uuid4().hex[:6]}",
                network_mode="bridge" if lim.network else "none",
                nano_cpus=int(lim.cpus * 1e9), mem_limit=f"{lim.memory_mb}m",
                memswap_limit=f"{lim.memory_mb}m", pids_limit=lim.pids,
                ulimits=[docker.types.Ulimit(name="fsize", soft=fsize, hard=fsize),
                         docker.types.Ulimit(name="nofile", soft=4096, hard=4096),
                         docker.types.Ulimit(name="core", soft=0, hard=0)],
                working_dir=WORKDIR, init=True, security_opt=["no-new-privileges"],
                labels={LABEL_RUN: self.run_id, LABEL_PID: str(os.getpid()), LABEL_HOST: socket.gethostname(),
                        LABEL_CREATED: str(int(time.time())), LABEL_LIFETIME: str(int(lim.lifetime_s))})
        except docker.errors.ImageNotFound as exc:
            raise SandboxUnavailable(f"image {self.image} missing: run `clawbench sandbox build-image --offline`") from exc
        except docker.errors.DockerException as exc:
            raise SandboxError(f"could not create a container from {self.image}: {exc}") from exc
        self.container_id: str = container.id
        self.name: str = container.name
        self._finalizer = weakref.finalize(self, _remove, container.id)
        try:
            if workspace is not None:
                client.api.put_archive(self.container_id, WORKDIR, _tar_dir(Path(workspace), "."))
            client.api.start(self.container_id)
            if self.aliases:
                self._link_aliases()
        except BaseException:
            self.destroy()
            raise

    def _link_aliases(self) -> None:
        """Each alias becomes a symlink to /workspace (a container cannot gain bind mounts once
        created, and a link costs one exec)."""
        script = 'for a; do mkdir -p "$(dirname "$a")" && rm -rf "$a" && ln -s "$0" "$a" || exit 1; done'
        code, _, err, _ = self._exec_raw(["sh", "-c", script, WORKDIR, *self.aliases], "/", None, None, 60.0, 4096)
        if code != 0:
            raise SandboxError(f"could not expose the workspace at {', '.join(self.aliases)} in container "
                               f"{self.name}: {err.text()[0].strip()}")

    # -- exec ---------------------------------------------------------------------------------

    def exec(self, argv: list[str] | str, cwd: str = "", env: dict[str, str] | None = None,
             timeout: float = 60.0, max_output: int = DEFAULT_MAX_OUTPUT) -> ExecResult:
        if isinstance(argv, str):
            argv = ["sh", "-c", argv]
        if not argv:
            raise ValueError("argv is empty; expected a command such as ['ls', '-la'] or a shell string")
        rel = normalize_relpath(cwd, self.aliases)
        timeout = max(0.001, float(timeout))
        wrapped = ["timeout", f"--kill-after={KILL_AFTER_S}s", f"{timeout:.3f}s", *argv]
        started = time.monotonic()
        code, out, err, stuck = self._exec_raw(wrapped, f"{WORKDIR}/{rel}" if rel else WORKDIR, env,
                                               None, timeout + KILL_AFTER_S + CLIENT_GRACE_S, max_output)
        duration = time.monotonic() - started
        # 124: timeout sent SIGTERM; 137: it had to SIGKILL. A quick `exit 124` is not a timeout.
        timed_out = stuck or (code in (124, 137) and duration >= timeout)
        stdout, cut_out = out.text()
        stderr, cut_err = err.text()
        return ExecResult(exit_code=124 if timed_out else code, stdout=stdout, stderr=stderr,
                          timed_out=timed_out, truncated=cut_out or cut_err, duration_s=duration)

    def _exec_raw(self, cmd: list[str], workdir: str, env: dict[str, str] | None, stdin: bytes | None,
                  limit_s: float, max_output: int) -> tuple[int, OutputBuffer, OutputBuffer, bool]:
        """One exec over the engine's raw multiplexed stream: (exit code, stdout, stderr, gave up).
        Reading the socket ourselves gives one deadline for the whole call and bounded memory."""
        self._snapshot_after_change = None   # anything run in the container may change the workspace
        self._check_alive()
        api = docker_client().api
        try:
            exec_id = api.exec_create(self.container_id, cmd, stdin=stdin is not None, workdir=workdir,
                                      environment=env or None)["Id"]
            sock_io = api.exec_start(exec_id, socket=True)
        except Exception as exc:
            raise SandboxError(f"exec in container {self.name} failed: {exc}") from exc
        sock = getattr(sock_io, "_sock", sock_io)
        out, err = OutputBuffer(max_output), OutputBuffer(max_output)
        deadline = time.monotonic() + limit_s
        gave_up = False
        try:
            if stdin is not None:
                sock.sendall(stdin)
                sock.shutdown(socket.SHUT_WR)   # EOF for the command's stdin
            gave_up = not _demux(sock, {1: out, 2: err}, deadline)
        finally:
            sock_io.close()
            sock.close()
        if gave_up:
            return 124, out, err, True
        return _exit_code(api, exec_id, deadline), out, err, False

    # -- files --------------------------------------------------------------------------------

    def _helper(self, op: str, rel: str = "", stdin: bytes | None = None, *extra: str) -> bytes:
        code, out, err, _ = self._exec_raw(["python3", "-c", _HELPER, op, rel, *extra], WORKDIR, None, stdin,
                                           300.0, UNLIMITED)
        if code == 0:
            return bytes(out.kept)
        message = bytes(err.kept).decode(errors="replace")
        try:
            report = json.loads(message)
        except ValueError:
            raise SandboxError(f"{op} {rel!r} failed in container {self.name} (exit {code}): {message.strip()}")
        kind, text = report.get("error"), report.get("message", "")
        errors = {"escape": SandboxPathError, "notfound": FileNotFoundError, "isdir": IsADirectoryError,
                  "notdir": NotADirectoryError, "exists": FileExistsError, "permission": PermissionError}
        raise errors.get(kind, SandboxError)(text)

    def read_file(self, path: str) -> bytes:
        return self._helper("read", normalize_relpath(path, self.aliases))

    def write_file(self, path: str, data: bytes | str) -> None:
        rel = normalize_relpath(path, self.aliases)
        if not rel:
            raise SandboxPathError("write_file needs a file path, not the workspace root")
        data = data.encode() if isinstance(data, str) else bytes(data)
        check_file_size(rel, len(data), self.limits)
        self._change("write", rel, data)

    def delete_file(self, path: str) -> None:
        self._change("delete", normalize_relpath(path, self.aliases))

    def _change(self, op: str, rel: str, data: bytes | None = None) -> None:
        """Write or delete, and take the snapshot in the same exec: the harness snapshots after
        every change, and a docker exec round trip costs more than hashing a workspace."""
        if not self.snapshot_with_changes:
            self._helper(op, rel, data)
            return
        self._snapshot_after_change = json.loads(self._helper(op, rel, data, "+snapshot"))

    def list_files(self, path: str = "") -> list[FileEntry]:
        rows = json.loads(self._helper("list", normalize_relpath(path, self.aliases)))
        return [FileEntry(p, size, is_dir) for p, size, is_dir in rows]

    def snapshot(self) -> dict[str, str]:
        cached, self._snapshot_after_change = self._snapshot_after_change, None
        if cached is not None:   # nothing ran in the container since the change that took it
            return cached
        return json.loads(self._helper("snapshot"))

    def stage(self, host_dir: Path, name: str) -> str:
        if not name or name in (".", "..") or "/" in name or "\0" in name:
            raise SandboxPathError(f"stage name {name!r} must be a single folder name such as 'checks'")
        dest = f"{STAGE_DIR}/{name}"
        code, _, err, _ = self._exec_raw(["sh", "-c", 'rm -rf "$1" && mkdir -p "$1"', "sh", dest], "/", None,
                                         None, 60.0, 4096)
        if code != 0:
            raise SandboxError(f"could not prepare {dest} in container {self.name}: {err.text()[0]}")
        docker_client().api.put_archive(self.container_id, dest, _tar_dir(Path(host_dir), "."))
        return dest

    # -- lifetime -----------------------------------------------------------------------------

    def __repr__(self) -> str:
        state = "alive" if self.alive else "destroyed"
        return f"<DockerSandbox {self.name} {state} image={self.image}>"


def _demux(sock, sinks: dict[int, OutputBuffer], deadline: float) -> bool:
    """Split docker's multiplexed stream (8-byte headers: stream id, 3 pad bytes, big-endian size)
    into sinks until EOF. False when the deadline passed first."""
    buf = bytearray()
    poller = select.poll()      # not select(): a busy process can hold fds past FD_SETSIZE
    poller.register(sock.fileno(), select.POLLIN)
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return False
        # a TLS socket may hold decrypted bytes that poll cannot see
        if not (getattr(sock, "pending", None) and sock.pending()) and not poller.poll(remaining * 1000):
            continue
        chunk = sock.recv(1 << 16)
        if not chunk:
            return True
        buf += chunk
        while len(buf) >= 8:
            stream, size = buf[0], struct.unpack(">I", buf[4:8])[0]
            if len(buf) < 8 + size:
                break
            if stream in sinks:
                sinks[stream].add(bytes(buf[8:8 + size]))
            del buf[:8 + size]


def _exit_code(api, exec_id: str, deadline: float) -> int:
    """The engine can report the stream closed a moment before it records the exit code."""
    while True:
        info = api.exec_inspect(exec_id)
        if not info.get("Running") and info.get("ExitCode") is not None:
            return int(info["ExitCode"])
        if time.monotonic() > deadline:
            return 124
        time.sleep(0.005)


def _tar_dir(folder: Path, arcname: str) -> bytes:
    """The folder as an in-memory tar, owned by root (what the agent inside sees)."""
    def as_root(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = "root"
        return info
    if not folder.is_dir():
        raise SandboxError(f"{folder} is not a folder")
    data = io.BytesIO()
    with tarfile.open(fileobj=data, mode="w") as tar:
        tar.add(str(folder), arcname=arcname, filter=as_root)
    return data.getvalue()




def gc(all: bool = False) -> list[str]:
    """Remove clawbench containers that were leaked: their owner process on this host is dead, their
    lifetime is over, or they already exited; every clawbench container when all=True.
    Returns the names removed."""
    import docker

    client = docker_client()
    host, now = socket.gethostname(), time.time()
    removed = []
    for c in client.containers.list(all=True, filters={"label": LABEL_RUN}):
        labels = c.labels
        try:
            pid = int(labels.get(LABEL_PID, "0"))
            expires = int(labels.get(LABEL_CREATED, "0")) + int(labels.get(LABEL_LIFETIME, "0")) + LIFETIME_SLACK_S
        except ValueError:
            pid, expires = 0, 0
        orphaned = labels.get(LABEL_HOST) == host and pid > 0 and not pid_alive(pid)
        if all or orphaned or now > expires or c.status in ("exited", "dead"):
            try:
                c.remove(force=True)
                removed.append(c.name)
            except docker.errors.NotFound:
                pass    # another gc got there first
    return removed
