"""bubblewrap backend: each exec is one short-lived `bwrap` process over a private host folder.

The sandbox sees a read-only copy of the host's system folders (/usr, /etc, /var), private tmpfs
over the places where host data lives (/root, /home, /run, /opt, ...), the workspace read-write at
/workspace, a per-sandbox /tmp, and staged folders read-only at /opt/clawbench/<name>. Everything
else on the host (e.g. /work, /srv, /mnt) is simply not mounted. No network, pid, ipc or uts sharing
unless limits.network; no capabilities. File operations run on the host through _fsops, which
follows symlinks as the sandbox sees them, so a link to /etc or `..` cannot lead the API outside.
"""
from __future__ import annotations

import functools
import math
import os
import re
import resource
import selectors
import shlex
import shutil
import signal
import subprocess
import tempfile
import time
import uuid
import weakref
from pathlib import Path

from . import _fsops
from .base import (FinalizedSandbox, pid_alive, DEFAULT_MAX_OUTPUT, STAGE_DIR, WORKDIR, ExecResult, FileEntry, OutputBuffer,
                   SandboxError, SandboxLimits, SandboxPathError, SandboxUnavailable, check_aliases, check_file_size,
                   normalize_relpath)

BASE_ENV = {
    "PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    "HOME": "/tmp",
    "LANG": "C.UTF-8",
}
# Host folders shown read-only; anything at / not listed here (or in PRIVATE) is not mounted at all.
SYSTEM_DIRS = ["usr", "bin", "sbin", "lib", "lib32", "lib64", "libx32", "etc", "var", "sys"]
# Host folders that exist in a normal system but hold private data: an empty tmpfs instead.
PRIVATE_DIRS = ["/root", "/home", "/run", "/opt", "/var/tmp", "/var/log", "/var/mail", "/var/spool",
                "/var/backups", "/var/lib/docker", "/var/lib/containerd", "/var/lib/private"]
# Host files under the shown folders that hold secrets: an empty file instead (the sandbox runs as
# namespaced root, which could read them otherwise).
SECRET_FILES = ["/etc/shadow", "/etc/gshadow", "/etc/shadow-", "/etc/gshadow-", "/etc/ssh/ssh_host_rsa_key",
                "/etc/ssh/ssh_host_ecdsa_key", "/etc/ssh/ssh_host_ed25519_key", "/etc/ssl/private"]
DIR_PREFIX = "clawbench-bwrap-"   # + "<owner pid>-<run id>-<random>", under tempfile.gettempdir()
KILL_GRACE_S = 2.0     # after a timeout kill, how long we wait for the pipes to close


def bwrap_problem() -> str | None:
    """None when bwrap can start a sandbox here, else what to do about it."""
    exe = shutil.which("bwrap")
    if exe is None:
        return "bwrap not found: apt-get install bubblewrap"
    try:
        proc = subprocess.run([exe, *_system_mounts(), "--unshare-all", "--die-with-parent", "true"],
                              stdin=subprocess.DEVNULL, capture_output=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"bwrap failed to start: {exc}"
    if proc.returncode != 0:
        err = proc.stderr.decode(errors="replace").strip()
        return (f"bwrap cannot create namespaces here ({err}): run as root, or allow unprivileged user "
                f"namespaces (sysctl kernel.unprivileged_userns_clone=1)")
    return None


@functools.lru_cache(maxsize=1)
def _system_mounts() -> tuple[str, ...]:
    """The bwrap arguments for the host part of the view, computed once per process."""
    args: list[str] = []
    for name in SYSTEM_DIRS:
        path = "/" + name
        if os.path.islink(path):            # merged /usr: /bin -> usr/bin
            args += ["--symlink", os.readlink(path), path]
        elif os.path.isdir(path):
            args += ["--ro-bind", path, path]
    args += ["--dev", "/dev", "--proc", "/proc"]
    for path in PRIVATE_DIRS:
        if os.path.isdir(path) and not os.path.islink(path):
            args += ["--tmpfs", path]
    for path in SECRET_FILES:
        if os.path.isdir(path) and not os.path.islink(path):
            args += ["--tmpfs", path]
        elif os.path.isfile(path) and not os.path.islink(path):
            args += ["--ro-bind", "/dev/null", path]
    return tuple(args)


class _Cgroup:
    """A per-sandbox cgroup for pids/memory/cpu when the hierarchy is writable (root, v1 or v2);
    otherwise absent and the rlimits alone apply."""

    def __init__(self, dirs: list[Path]):
        self.dirs = dirs

    @classmethod
    def create(cls, name: str, limits: SandboxLimits) -> "_Cgroup | None":
        mem = str(limits.memory_mb * 1024 * 1024)
        quota = max(1000, int(limits.cpus * 100_000))
        v2 = Path("/sys/fs/cgroup/cgroup.controllers").exists()
        if v2:
            parent = Path("/sys/fs/cgroup/clawbench")
            plan = {parent / name: {"pids.max": str(limits.pids), "memory.max": mem,
                                    "memory.swap.max": "0", "cpu.max": f"{quota} 100000"}}
        else:
            root = Path("/sys/fs/cgroup")
            plan = {root / "pids/clawbench" / name: {"pids.max": str(limits.pids)},
                    root / "memory/clawbench" / name: {"memory.limit_in_bytes": mem},
                    root / "cpu/clawbench" / name: {"cpu.cfs_period_us": "100000", "cpu.cfs_quota_us": str(quota)}}
        made: list[Path] = []
        try:
            if v2:
                parent.mkdir(exist_ok=True)
                (parent / "cgroup.subtree_control").write_text("+pids +memory +cpu")
            for path, settings in plan.items():
                path.mkdir(parents=True, exist_ok=True)
                made.append(path)
                for key, value in settings.items():
                    if (path / key).exists():
                        (path / key).write_text(value)
        except OSError:
            cls(made).remove()
            return None
        return cls(made)

    @classmethod
    def existing(cls, name: str) -> "_Cgroup":
        """The cgroup folders a sandbox called `name` may have left behind."""
        found = [Path("/sys/fs/cgroup/clawbench") / name,
                 *(Path("/sys/fs/cgroup") / ctl / "clawbench" / name for ctl in ("pids", "memory", "cpu"))]
        return cls([p for p in found if p.is_dir()])

    def remove(self) -> None:
        for path in self.dirs:
            try:
                for pid in (path / "cgroup.procs").read_text().split():
                    os.kill(int(pid), signal.SIGKILL)
            except (OSError, ValueError):
                pass
            for _ in range(50):         # rmdir fails until the killed processes are gone
                try:
                    path.rmdir()
                    break
                except FileNotFoundError:
                    break
                except OSError:
                    time.sleep(0.01)


def _cleanup(root: str, cgroup: _Cgroup | None) -> None:
    if cgroup is not None:
        cgroup.remove()
    if os.path.exists(root):
        _fsops._rmtree(root)


class BwrapSandbox(FinalizedSandbox):
    backend = "bwrap"
    workdir = WORKDIR
    aliases: tuple[str, ...] = ()

    def __init__(self, workspace: Path | None = None, limits: SandboxLimits | None = None,
                 run_id: str | None = None, aliases: tuple[str, ...] | list[str] = ()):
        if shutil.which("bwrap") is None:
            raise SandboxUnavailable("bwrap not found: apt-get install bubblewrap")
        self.aliases = check_aliases(aliases)
        self.limits = limits or SandboxLimits()
        self.run_id = run_id or uuid.uuid4().hex[:12]
        safe_run = re.sub(r"[^a-zA-Z0-9_.-]", "_", self.run_id)[:24]
        # The owner pid in the name lets gc() find folders whose process died without destroy().
        self._root = tempfile.mkdtemp(prefix=f"{DIR_PREFIX}{os.getpid()}-{safe_run}-")
        self.host_workspace = os.path.join(self._root, "workspace")
        self._stage_root = os.path.join(self._root, "stage")
        self._tmp = os.path.join(self._root, "tmp")
        # cgroups need a writable hierarchy, which in practice means root; otherwise rlimits only.
        self._cgroup = _Cgroup.create(os.path.basename(self._root), self.limits) if os.geteuid() == 0 else None
        self._finalizer = weakref.finalize(self, _cleanup, self._root, self._cgroup)
        try:
            if workspace is not None:
                if not Path(workspace).is_dir():
                    raise SandboxError(f"workspace {workspace} is not a folder")
                shutil.copytree(workspace, self.host_workspace, symlinks=True)
            else:
                os.mkdir(self.host_workspace)
            os.mkdir(self._stage_root)
            os.mkdir(self._tmp)
            os.chmod(self._tmp, 0o1777)
        except BaseException:
            self.destroy()
            raise
        self.host_workspace = os.path.realpath(self.host_workspace)
        self._prefix = self._build_prefix()

    def _build_prefix(self) -> list[str]:
        args = ["bwrap", *_system_mounts(),
                "--bind", self._tmp, "/tmp",
                "--ro-bind", self._stage_root, STAGE_DIR,
                "--bind", self.host_workspace, WORKDIR,
                # the same folder again wherever an external checker expects the workspace to be
                *(arg for alias in self.aliases for arg in ("--bind", self.host_workspace, alias)),
                "--remount-ro", "/",
                "--unshare-all", "--hostname", "clawbench",
                "--die-with-parent", "--new-session", "--cap-drop", "ALL"]
        if self.limits.network:
            args.append("--share-net")
        return args

    # -- exec ---------------------------------------------------------------------------------

    def exec(self, argv: list[str] | str, cwd: str = "", env: dict[str, str] | None = None,
             timeout: float = 60.0, max_output: int = DEFAULT_MAX_OUTPUT) -> ExecResult:
        self._check_alive()
        if isinstance(argv, str):
            argv = ["sh", "-c", argv]
        if not argv:
            raise ValueError("argv is empty; expected a command such as ['ls', '-la'] or a shell string")
        rel = normalize_relpath(cwd, self.aliases)
        chdir = f"{WORKDIR}/{rel}" if rel else WORKDIR
        full_env = {**BASE_ENV, **(env or {})}
        cmd = [*self._prefix, "--chdir", chdir, "--", *argv]
        return _run([*self._launcher(timeout), *cmd], full_env, timeout, max_output)

    def _launcher(self, timeout: float) -> list[str]:
        """A /bin/sh prefix that applies the limits, joins the cgroup and execs bwrap. Done in sh
        rather than a preexec_fn so Popen can vfork: forking a large, threaded parent (the TUI, a
        trainer) costs tens of ms per exec and can deadlock. `ulimit -f` counts 512-byte blocks
        in POSIX sh (dash, and bash when run as sh)."""
        lim = self.limits
        cpu_s = math.ceil(timeout * max(1.0, lim.cpus)) + 5   # a backstop only; the wall timeout rules
        _, hard_nofile = resource.getrlimit(resource.RLIMIT_NOFILE)
        nofile = 4096 if hard_nofile == resource.RLIM_INFINITY else min(4096, hard_nofile)
        steps = [f"ulimit -f {lim.max_file_mb * 2048}", f"ulimit -t {cpu_s}", f"ulimit -n {nofile}", "ulimit -c 0"]
        if self._cgroup is not None:
            steps += [f"echo $$ > {shlex.quote(str(path))}/cgroup.procs" for path in self._cgroup.dirs]
        else:   # no memory cgroup: bound the address space instead (coarser, but never unbounded)
            steps.append(f"ulimit -v {lim.memory_mb * 1024}")
        return ["/bin/sh", "-c", " && ".join(steps) + ' && exec "$@"', "clawbench-launch"]

    # -- files --------------------------------------------------------------------------------

    def read_file(self, path: str) -> bytes:
        self._check_alive()
        return _wrap(_fsops.read, self.host_workspace, normalize_relpath(path, self.aliases))

    def write_file(self, path: str, data: bytes | str) -> None:
        self._check_alive()
        rel = normalize_relpath(path, self.aliases)
        if not rel:
            raise SandboxPathError("write_file needs a file path, not the workspace root")
        data = data.encode() if isinstance(data, str) else bytes(data)
        check_file_size(rel, len(data), self.limits)
        _wrap(_fsops.write, self.host_workspace, rel, data)

    def delete_file(self, path: str) -> None:
        self._check_alive()
        _wrap(_fsops.delete, self.host_workspace, normalize_relpath(path, self.aliases))

    def list_files(self, path: str = "") -> list[FileEntry]:
        self._check_alive()
        rows = _wrap(_fsops.listing, self.host_workspace, normalize_relpath(path, self.aliases))
        return [FileEntry(p, size, is_dir) for p, size, is_dir in rows]

    def snapshot(self) -> dict[str, str]:
        self._check_alive()
        return _wrap(_fsops.snapshot, self.host_workspace)

    def stage(self, host_dir: Path, name: str) -> str:
        self._check_alive()
        _check_stage_name(name)
        if not Path(host_dir).is_dir():
            raise SandboxError(f"cannot stage {host_dir}: not a folder")
        dest = os.path.join(self._stage_root, name)
        if os.path.exists(dest):
            _fsops._rmtree(dest)
        shutil.copytree(host_dir, dest, symlinks=True)
        return f"{STAGE_DIR}/{name}"

    # -- lifetime -----------------------------------------------------------------------------

    def __repr__(self) -> str:
        state = "alive" if self.alive else "destroyed"
        return f"<BwrapSandbox {self.run_id} {state} at {self._root}>"


def gc(all: bool = False) -> list[str]:
    """Remove sandbox folders (and their cgroups) whose owner process is gone; every one when all=True.
    Returns the folders removed."""
    removed = []
    for path in Path(tempfile.gettempdir()).glob(DIR_PREFIX + "*"):
        pid = path.name[len(DIR_PREFIX):].split("-", 1)[0]
        if not pid.isdigit() or (not all and pid_alive(int(pid))):
            continue
        try:
            _cleanup(str(path), _Cgroup.existing(path.name))
        except OSError:
            continue    # another user's folder; not ours to remove
        removed.append(str(path))
    return removed




def _check_stage_name(name: str) -> None:
    if not name or name in (".", "..") or "/" in name or "\0" in name:
        raise SandboxPathError(f"stage name {name!r} must be a single folder name such as 'checks'")


def _wrap(fn, root: str, *args):
    """Run an _fsops call on the workspace at `root`: escapes become SandboxPathError, and OS errors
    name the path as the agent knows it (/workspace/...), not the host folder."""
    try:
        return fn(root, *args)
    except _fsops.PathEscape as exc:
        raise SandboxPathError(str(exc)) from None
    except OSError as exc:
        if isinstance(exc.filename, str) and exc.filename.startswith(root):
            raise type(exc)(exc.errno, exc.strerror, WORKDIR + exc.filename[len(root):]) from None
        raise


def _run(cmd: list[str], env: dict[str, str], timeout: float, max_output: int) -> ExecResult:
    """Run cmd, reading both pipes as they fill (no deadlock, bounded memory); on timeout SIGKILL the
    whole process group (bwrap's --die-with-parent then tears down the sandbox's pid namespace)."""
    started = time.monotonic()
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=env, start_new_session=True)
    out, err = OutputBuffer(max_output), OutputBuffer(max_output)
    sinks = {proc.stdout.fileno(): out, proc.stderr.fileno(): err}
    timed_out = False
    deadline = started + timeout
    with selectors.DefaultSelector() as sel:
        for fd in sinks:
            sel.register(fd, selectors.EVENT_READ)
        while sel.get_map():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                if timed_out:
                    break           # something outside the group holds the pipes; stop waiting
                timed_out = True
                _killpg(proc.pid)
                deadline = time.monotonic() + KILL_GRACE_S
                continue
            for key, _ in sel.select(remaining):
                chunk = os.read(key.fd, 65536)
                if chunk:
                    sinks[key.fd].add(chunk)
                else:
                    sel.unregister(key.fd)
    try:
        code = proc.wait(timeout=KILL_GRACE_S)
    except subprocess.TimeoutExpired:
        _killpg(proc.pid)
        code = proc.wait()
    proc.stdout.close()
    proc.stderr.close()
    stdout, cut_out = out.text()
    stderr, cut_err = err.text()
    if code < 0:
        code = 128 - code       # killed by a signal, as a shell would report it
    elif code == 1 and stderr.startswith("bwrap: "):
        code = _setup_failure_code(stderr)
    return ExecResult(exit_code=124 if timed_out else code, stdout=stdout, stderr=stderr,
                      timed_out=timed_out, truncated=cut_out or cut_err,
                      duration_s=time.monotonic() - started)


def _setup_failure_code(stderr: str) -> int:
    """bwrap exits 1 when it cannot start the command; report what a shell (and the docker
    backend) would: 127 for a missing command, 126 for one that cannot run or a bad cwd."""
    if stderr.startswith("bwrap: execvp "):
        return 127 if "No such file or directory" in stderr else 126
    if stderr.startswith("bwrap: Can't chdir"):
        return 126
    return 1


def _killpg(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
