"""A real git repository with history, built in pure Python and deterministically (no git binary,
no clock): loose objects (blob, tree, commit, annotated tag; zlib-compressed, SHA-1 ids), the
branch and tag refs, HEAD, a minimal config and an index (DIRC v2, zeroed stat fields, trailing
SHA-1), so that in the workspace `git status` is clean and `git log`, `git show`, `git blame`,
`git log -S` and `git revert` work as on any clone.

    files = build_repo([CommitSpec(snapshot, "Initial import", author), ...], tags=[TagSpec("v1.0.0", 3)])
    history = read_repo(files)       # stage 3 re-reads the objects it was given

`build_repo` returns workspace files: `.git/...` (objects and the index as bytes, refs and config as
text) plus the working tree, which is the last commit's snapshot.
"""
from __future__ import annotations

import calendar
import hashlib
import struct
import zlib
from dataclasses import dataclass, field

GIT_CONFIG = ("[core]\n\trepositoryformatversion = 0\n\tfilemode = true\n\tbare = false\n"
              "\tlogallrefupdates = true\n")


@dataclass(frozen=True)
class Signature:
    """Who and when: `Name <email> <epoch seconds> <+hhmm>` in a commit or tag."""
    name: str
    email: str
    when: int
    tz: str = "+0000"

    def line(self) -> str:
        return f"{self.name} <{self.email}> {self.when} {self.tz}"

    def at(self, when: int) -> Signature:
        return Signature(self.name, self.email, when, self.tz)


@dataclass
class CommitSpec:
    """One commit: the whole tree after it (path -> content), its message and signatures. A commit
    without a committer is committed by its author."""
    files: dict[str, str | bytes]
    message: str
    author: Signature
    committer: Signature | None = None


@dataclass
class TagSpec:
    """A tag on commit number `commit` (0-based index into the commit list); annotated when it has a
    tagger, lightweight otherwise."""
    name: str
    commit: int
    tagger: Signature | None = None
    message: str = ""


def epoch(year: int, month: int, day: int, hour: int = 0, minute: int = 0, tz: str = "+0000") -> int:
    """Seconds since 1970 for a local wall-clock time in zone `tz` (no clock is read)."""
    sign = -1 if tz.startswith("-") else 1
    offset = sign * (int(tz[1:3]) * 3600 + int(tz[3:5]) * 60)
    return calendar.timegm((year, month, day, hour, minute, 0, 0, 0, 0)) - offset


def _raw(content: str | bytes) -> bytes:
    return content if isinstance(content, bytes) else content.encode("utf-8")


def _object(kind: str, body: bytes) -> tuple[str, bytes]:
    """(hex id, loose-object file bytes)."""
    data = f"{kind} {len(body)}\0".encode() + body
    return hashlib.sha1(data).hexdigest(), zlib.compress(data, 6)


def _msg(message: str) -> str:
    return message.rstrip("\n") + "\n"


class _Store:
    def __init__(self) -> None:
        self.objects: dict[str, bytes] = {}

    def put(self, kind: str, body: bytes) -> str:
        sha, packed = _object(kind, body)
        self.objects.setdefault(sha, packed)
        return sha

    def tree(self, blobs: dict[str, str]) -> str:
        """A tree (and its subtrees) from path -> blob id."""
        here: dict[str, str] = {}
        sub: dict[str, dict[str, str]] = {}
        for path, sha in blobs.items():
            head, _, rest = path.partition("/")
            if rest:
                sub.setdefault(head, {})[rest] = sha
            else:
                here[head] = sha
        entries = [(name, b"100644", sha) for name, sha in here.items()]
        entries += [(name, b"40000", self.tree(inner)) for name, inner in sub.items()]
        entries.sort(key=lambda e: e[0] + ("/" if e[1] == b"40000" else ""))   # git's tree order
        body = b"".join(mode + b" " + name.encode() + b"\0" + bytes.fromhex(sha) for name, mode, sha in entries)
        return self.put("tree", body)


def index_bytes(entries: dict[str, tuple[str, int]]) -> bytes:
    """A DIRC v2 index for path -> (blob id, size): stat fields zeroed (git re-hashes the file,
    finds it equal and reports it clean), regular 0644 files, entries in byte order."""
    out = [b"DIRC", struct.pack(">II", 2, len(entries))]
    for path in sorted(entries, key=lambda p: p.encode()):
        sha, size = entries[path]
        name = path.encode()
        entry = struct.pack(">IIIIIIIIII", 0, 0, 0, 0, 0, 0, 0o100644, 0, 0, size)
        entry += bytes.fromhex(sha) + struct.pack(">H", min(len(name), 0xFFF)) + name
        entry += b"\0" * (8 - len(entry) % 8)   # 1-8 NULs: the entry ends on an 8-byte boundary
        out.append(entry)
    body = b"".join(out)
    return body + hashlib.sha1(body).digest()


def build_repo(commits: list[CommitSpec], tags: list[TagSpec] = (), branch: str = "main") -> dict[str, str | bytes]:
    """The `.git` folder for a linear history of `commits` (oldest first) plus the working tree."""
    if not commits:
        raise ValueError("a repository needs at least one commit")
    store = _Store()
    ids: list[str] = []
    parent = None
    for c in commits:
        blobs = {path: store.put("blob", _raw(content)) for path, content in c.files.items()}
        tree = store.tree(blobs)
        head = f"tree {tree}\n" + (f"parent {parent}\n" if parent else "")
        head += f"author {c.author.line()}\ncommitter {(c.committer or c.author).line()}\n\n"
        parent = store.put("commit", (head + _msg(c.message)).encode())
        ids.append(parent)
    files: dict[str, str | bytes] = {".git/HEAD": f"ref: refs/heads/{branch}\n", ".git/config": GIT_CONFIG,
                                     ".git/description": "Unnamed repository; edit this file 'description' to name the repository.\n",
                                     f".git/refs/heads/{branch}": ids[-1] + "\n"}
    for t in tags:
        target = ids[t.commit]
        if t.tagger:
            body = (f"object {target}\ntype commit\ntag {t.name}\ntagger {t.tagger.line()}\n\n"
                    + _msg(t.message or t.name))
            target = store.put("tag", body.encode())
        files[f".git/refs/tags/{t.name}"] = target + "\n"
    for sha, packed in sorted(store.objects.items()):
        files[f".git/objects/{sha[:2]}/{sha[2:]}"] = packed
    last = commits[-1].files
    files[".git/index"] = index_bytes({p: (_object("blob", _raw(c))[0], len(_raw(c))) for p, c in last.items()})
    for path, content in last.items():
        files[path] = content
    return files


# ------------------------------------------------------------------ reading it back

@dataclass
class Person:
    name: str
    email: str
    when: int
    tz: str


@dataclass
class CommitInfo:
    sha: str
    tree: str
    parents: list[str]
    author: Person
    committer: Person
    message: str

    @property
    def subject(self) -> str:
        return self.message.split("\n", 1)[0]


@dataclass
class GitHistory:
    """A repository as stage 3 sees it: the first-parent history of HEAD (oldest first), the tags
    (name -> commit id, annotated tags peeled) and the objects, to read any commit's tree."""
    commits: list[CommitInfo]
    tags: dict[str, str]
    objects: dict[str, tuple[str, bytes]] = field(repr=False)

    def by_sha(self, sha: str) -> CommitInfo:
        return next(c for c in self.commits if c.sha == sha)

    def files_at(self, sha: str) -> dict[str, bytes]:
        """path -> content of every file in commit `sha`."""
        out: dict[str, bytes] = {}

        def walk(tree: str, prefix: str) -> None:
            body = self.objects[tree][1]
            i = 0
            while i < len(body):
                sp, nul = body.index(b" ", i), body.index(b"\0", i)
                mode, name, oid = body[i:sp], body[sp + 1:nul].decode(), body[nul + 1:nul + 21].hex()
                i = nul + 21
                if mode == b"40000":
                    walk(oid, f"{prefix}{name}/")
                else:
                    out[prefix + name] = self.objects[oid][1]
        walk(self.by_sha(sha).tree, "")
        return out

    def text_at(self, sha: str, path: str) -> str | None:
        data = self.files_at(sha).get(path)
        return None if data is None else data.decode("utf-8")

    def changed(self, sha: str) -> set[str]:
        """Paths added, removed or modified by commit `sha` against its first parent."""
        c = self.by_sha(sha)
        now = self.files_at(sha)
        before = self.files_at(c.parents[0]) if c.parents else {}
        return {p for p in now.keys() | before.keys() if now.get(p) != before.get(p)}


def _person(value: str) -> Person:
    name, _, rest = value.partition(" <")
    email, _, stamp = rest.partition("> ")
    when, tz = stamp.split(" ")
    return Person(name, email, int(when), tz)


def read_repo(files: dict[str, str | bytes], branch: str | None = None) -> GitHistory:
    objects: dict[str, tuple[str, bytes]] = {}
    for path, packed in files.items():
        if path.startswith(".git/objects/") and isinstance(packed, bytes):
            data = zlib.decompress(packed)
            header, _, body = data.partition(b"\0")
            sha = path[len(".git/objects/"):].replace("/", "")
            if hashlib.sha1(data).hexdigest() != sha:
                raise ValueError(f"{path}: object id does not match its content")
            objects[sha] = (header.split(b" ")[0].decode(), body)

    def text(path: str) -> str:
        v = files[path]
        return v.decode() if isinstance(v, bytes) else v

    head = text(".git/HEAD").strip()
    if branch:
        head = f"ref: refs/heads/{branch}"
    sha = text(f".git/{head[5:]}").strip() if head.startswith("ref: ") else head   # else a detached HEAD
    commits: list[CommitInfo] = []
    while sha:
        _, body = objects[sha]
        meta, _, message = body.decode().partition("\n\n")
        fields: dict[str, list[str]] = {}
        for line in meta.splitlines():
            key, _, value = line.partition(" ")
            fields.setdefault(key, []).append(value)
        c = CommitInfo(sha=sha, tree=fields["tree"][0], parents=fields.get("parent", []),
                       author=_person(fields["author"][0]), committer=_person(fields["committer"][0]), message=message)
        commits.append(c)
        sha = c.parents[0] if c.parents else ""
    commits.reverse()
    tags: dict[str, str] = {}
    for path in sorted(files):
        if path.startswith(".git/refs/tags/"):
            target = text(path).strip()
            while objects[target][0] == "tag":
                target = objects[target][1].split(b"\n", 1)[0].split(b" ")[1].decode()
            tags[path[len(".git/refs/tags/"):]] = target
    return GitHistory(commits=commits, tags=tags, objects=objects)
