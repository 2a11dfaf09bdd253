"""Workspace file operations shared by both backends.

The bwrap backend imports this module and runs it on the host against the workspace folder; the
docker backend sends this same source into the container (`python3 -c`) and runs it there. So both
resolve symlinks the same way: as the sandbox sees them, with `/workspace/...` targets mapped to the
workspace root and any other absolute target, or a `..` past the root, refused.

Standard library only, and no imports from this package: it must run on the image's python3.
"""
import hashlib
import json
import os
import stat
import sys

VROOT = "/workspace"   # the workspace's path inside the sandbox; symlink targets are read against it
MAX_HOPS = 40          # the kernel's own symlink limit


class PathEscape(Exception):
    """The path, once its symlinks are followed, is outside the workspace."""


def resolve(root, rel, follow_last=True):
    """Host path for workspace-relative `rel` under real path `root`, following symlinks the way the
    sandbox would. Raises PathEscape when any step leaves the workspace."""
    todo = [p for p in rel.split("/") if p not in ("", ".")]
    cur, hops = root, 0
    while todo:
        name = todo.pop(0)
        if name == "..":
            if cur == root:
                raise PathEscape(f"{rel!r} leaves the workspace")
            cur = os.path.dirname(cur)
            continue
        nxt = os.path.join(cur, name)
        if (todo or follow_last) and os.path.islink(nxt):
            hops += 1
            if hops > MAX_HOPS:
                raise PathEscape(f"{rel!r}: too many levels of symbolic links")
            target = os.readlink(nxt)
            if target.startswith("/"):
                if target != VROOT and not target.startswith(VROOT + "/"):
                    raise PathEscape(f"{rel!r} goes through a symlink to {target!r}, outside the workspace")
                cur, target = root, target[len(VROOT):]
            todo = [p for p in target.split("/") if p not in ("", ".")] + todo
            continue
        cur = nxt
    return cur


def read(root, rel):
    path = resolve(root, rel)
    with open(path, "rb") as f:
        return f.read()


def write(root, rel, data):
    path = resolve(root, rel)
    parent = os.path.dirname(path)
    if not os.path.isdir(parent):
        _makedirs(root, os.path.relpath(parent, root))
    # O_NOFOLLOW: the last component was resolved above, so a link here appeared since; refuse it.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o644)
    with os.fdopen(fd, "wb") as f:
        f.write(data)


def _makedirs(root, rel):
    cur = root
    for name in rel.split("/"):
        cur = resolve(root, os.path.relpath(os.path.join(cur, name), root))
        if not os.path.isdir(cur):
            os.mkdir(cur)


def delete(root, rel):
    """Remove a file, a symlink (never its target) or a folder tree."""
    if not rel:
        raise PathEscape("refusing to delete the workspace root")
    parent = resolve(root, os.path.dirname(rel))
    path = os.path.join(parent, os.path.basename(rel))
    st = os.lstat(path)
    if stat.S_ISDIR(st.st_mode):
        _rmtree(path)
    else:
        os.unlink(path)


def _rmtree(path):
    import shutil

    def fix(func, p, _exc):  # the agent may have made folders read-only or unlistable
        os.chmod(os.path.dirname(p), 0o700)
        if os.path.isdir(p) and not os.path.islink(p):
            os.chmod(p, 0o700)
        func(p)
    shutil.rmtree(path, onerror=fix)


def _entries(root, rel):
    """(relpath, host path, lstat) for everything under `rel`, sorted, not descending into symlinks.
    Symlinks are reported as what they point to, and left out when that is outside the workspace."""
    start = resolve(root, rel)
    st = os.stat(start)
    if not stat.S_ISDIR(st.st_mode):
        yield rel, start, st
        return
    stack = [(rel, start)]
    while stack:
        drel, dpath = stack.pop()
        try:
            names = sorted(os.listdir(dpath))
        except OSError:
            continue
        for name in reversed(names):
            crel = f"{drel}/{name}" if drel else name
            cpath = os.path.join(dpath, name)
            try:
                cst = os.lstat(cpath)
                if stat.S_ISLNK(cst.st_mode):
                    cpath = resolve(root, crel)
                    cst = os.stat(cpath)
                    yield crel, cpath, cst
                    continue
            except (PathEscape, OSError):
                continue
            yield crel, cpath, cst
            if stat.S_ISDIR(cst.st_mode):
                stack.append((crel, cpath))


def listing(root, rel):
    """[[relpath, size, is_dir], ...] sorted by path."""
    out = []
    for crel, _, st in _entries(root, rel):
        if crel == rel and stat.S_ISDIR(st.st_mode):
            continue  # the folder asked about is not its own entry
        is_dir = stat.S_ISDIR(st.st_mode)
        out.append([crel, 0 if is_dir else st.st_size, is_dir])
    return sorted(out)


def snapshot(root):
    """{relpath: sha256 hex} of every regular file the agent can reach in the workspace."""
    out = {}
    for crel, cpath, st in _entries(root, ""):
        if stat.S_ISREG(st.st_mode):
            h = hashlib.sha256()
            try:
                with open(cpath, "rb") as f:
                    for chunk in iter(lambda: f.read(1 << 20), b""):
                        h.update(chunk)
            except OSError:
                continue
            out[crel] = h.hexdigest()
    return dict(sorted(out.items()))


ERRORS = {PathEscape: "escape", FileNotFoundError: "notfound", IsADirectoryError: "isdir",
          NotADirectoryError: "notdir", FileExistsError: "exists", PermissionError: "permission"}


def main(argv):
    """Entry point inside a container: `python3 -c SRC op rel [+snapshot]`. Results go to stdout (raw
    bytes for read, JSON otherwise; write and delete with +snapshot print the snapshot after the change);
    a failure prints {"error": kind, "message": ...} on stderr and exits 3."""
    op, rel = argv[0], argv[1] if len(argv) > 1 else ""
    root = os.path.realpath(VROOT)
    try:
        if op == "read":
            sys.stdout.buffer.write(read(root, rel))
        elif op == "write":
            write(root, rel, sys.stdin.buffer.read())
        elif op == "delete":
            delete(root, rel)
        elif op == "list":
            sys.stdout.write(json.dumps(listing(root, rel)))
        elif op == "snapshot":
            sys.stdout.write(json.dumps(snapshot(root)))
        else:
            raise ValueError(f"unknown op {op!r}")
        if op in ("write", "delete") and argv[2:] == ["+snapshot"]:
            # the harness snapshots after every change: same exec, one container round trip saved
            sys.stdout.write(json.dumps(snapshot(root)))
    except Exception as exc:  # reported to the host, which raises the matching error
        kind = next((k for cls, k in ERRORS.items() if isinstance(exc, cls)), "error")
        sys.stderr.write(json.dumps({"error": kind, "message": str(exc)}))
        sys.exit(3)
