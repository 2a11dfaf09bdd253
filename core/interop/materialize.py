"""Turning an external task into a task folder of our own format.

Each converter (clawgym.py, pinchbench.py) reads its format into a `TaskDraft`; this module writes
a draft as task.yaml + workspace/ + checks/ + solution/. Loading goes through a cache keyed by the
hash of what would be written ($XDG_CACHE_HOME/clawbench/imported/<id>-<hash>/), so a task set is
converted once and an edited task gets a fresh folder; `clawbench import --out` writes the same
folders where the user wants to edit them.
"""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..task import ID_RE, TaskError

CONVERTER_VERSION = "1"          # bump when the converted layout changes, to refresh every cache entry
SOLUTION_STEPS_FILE = "steps.yaml"   # in a reference solution folder: the oracle's tool calls
DEFAULT_DOMAIN = "productivity"
# First keyword found in an external category picks our domain (categories stay in `source`).
DOMAIN_KEYWORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("software", ("code", "coding", "software", "program", "debug", "git", "develop", "refactor", "test")),
    ("systems", ("system", "automation", "devops", "shell", "config", "log", "server", "deploy", "file_ops",
                 "file-ops", "file management", "security", "ops", "backup", "cron")),
    ("analysis", ("analy", "data", "finance", "research", "stat", "market", "stock", "report", "spreadsheet",
                  "csv", "math")),
    ("content", ("writ", "content", "email", "blog", "document", "translat", "summar", "humaniz", "copy",
                 "social", "creative")),
    ("planning", ("calendar", "schedul", "plan", "knowledge", "memory", "note", "todo", "travel", "meeting",
                  "project", "organiz")),
    ("productivity", ("productiv", "collab", "office", "task", "assistant")),
)


@dataclass
class TaskDraft:
    """An external task, read but not yet written in our format."""
    id: str
    title: str
    instruction: str
    domain: str
    source: dict[str, Any]
    difficulty: str = "medium"
    limits: dict[str, Any] = field(default_factory=dict)
    workspace_aliases: list[str] = field(default_factory=list)
    checks: list[dict[str, Any]] = field(default_factory=list)
    rubric: list[dict[str, Any]] = field(default_factory=list)
    workspace: dict[str, bytes] = field(default_factory=dict)       # relpath -> content
    checker_files: dict[str, bytes] = field(default_factory=dict)   # relpath under checks/
    solution_files: dict[str, bytes] = field(default_factory=dict)  # relpath under solution/
    solution_steps: list[dict[str, Any]] | None = None

    def task_yaml(self) -> str:
        doc: dict[str, Any] = {
            "id": self.id, "title": self.title, "domain": self.domain, "difficulty": self.difficulty,
            "origin": {"route": "hand"}, "source": self.source, "instruction": self.instruction,
        }
        if self.limits:
            doc["limits"] = self.limits
        if self.workspace_aliases:
            doc["workspace_aliases"] = list(self.workspace_aliases)
        doc["checks"] = self.checks
        if self.rubric:
            doc["rubric"] = self.rubric
        if self.solution_steps is not None:
            doc["solution"] = self.solution_steps
        return yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100)

    def digest(self) -> str:
        h = hashlib.sha256(f"clawbench-import-v{CONVERTER_VERSION}\n".encode())
        h.update(self.task_yaml().encode())
        for area, files in (("workspace", self.workspace), ("checks", self.checker_files),
                            ("solution", self.solution_files)):
            for rel in sorted(files):
                h.update(f"\0{area}/{rel}\0".encode())
                h.update(files[rel])
        return h.hexdigest()


def write_task_folder(draft: TaskDraft, dest: Path) -> Path:
    """Write the draft as a task folder at dest (which must not exist yet)."""
    dest.mkdir(parents=True)
    (dest / "task.yaml").write_text(draft.task_yaml(), encoding="utf-8")
    (dest / "workspace").mkdir()
    for area, files in (("workspace", draft.workspace), ("checks", draft.checker_files),
                        ("solution", draft.solution_files)):
        for rel, data in files.items():
            target = dest / area / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    return dest


def cache_root() -> Path:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "clawbench" / "imported"


def materialize(draft: TaskDraft, root: Path | None = None) -> Path:
    """The draft's folder in the cache, written on first use (atomically: two processes loading the
    same suite at once both end up with one complete folder)."""
    root = root or cache_root()
    dest = root / f"{draft.id}-{draft.digest()[:16]}"
    if (dest / "task.yaml").is_file():
        return dest
    root.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".partial-", dir=root))
    try:
        write_task_folder(draft, tmp / "task")
        try:
            os.rename(tmp / "task", dest)
        except OSError:
            if not (dest / "task.yaml").is_file():
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return dest


# ------------------------------------------------------------------ helpers for converters

def slug_id(raw: str, fallback: str = "task") -> str:
    """A task id of our format (`[a-z0-9][a-z0-9._-]*`) from an external one."""
    s = re.sub(r"[^a-z0-9._-]+", "-", str(raw).strip().lower()).strip("-._")
    s = s if s and ID_RE.match(s) else fallback
    return s[:80]


def unique_id(task_id: str, seen: set[str]) -> str:
    candidate, n = task_id, 2
    while candidate in seen:
        candidate, n = f"{task_id}-{n}", n + 1
    seen.add(candidate)
    return candidate


def guess_domain(*labels: Any) -> str:
    """Our domain for an external category (ClawGym macro_category/category, PinchBench category)."""
    for label in labels:
        text = str(label or "").lower()
        if not text:
            continue
        for domain, words in DOMAIN_KEYWORDS:
            if any(w in text for w in words):
                return domain
    return DEFAULT_DOMAIN


def title_from(text: str, limit: int = 72) -> str:
    first = next((line.strip(" #*>-") for line in text.strip().splitlines() if line.strip()), "") or "Imported task"
    first = re.split(r"(?<=[.!?])\s", first, maxsplit=1)[0]
    return first if len(first) <= limit else first[: limit - 1].rstrip() + "…"


def clean_relpath(file: str, field_name: str, path: str, roots: tuple[str, ...] = ()) -> str:
    """A workspace-relative path from an external one: absolute paths must lie under one of `roots`
    (the workspace's absolute names); '..' is refused."""
    p = str(path).replace("\\", "/").strip()
    for root in roots:
        if p == root or p.startswith(root.rstrip("/") + "/"):
            p = p[len(root):]
            break
    else:
        if p.startswith("/"):
            raise TaskError(file, field_name, f"a path relative to the workspace"
                            f"{' or under ' + ', '.join(roots) if roots else ''}, got {path!r}")
    parts = [part for part in p.split("/") if part not in ("", ".")]
    if not parts or ".." in parts:
        raise TaskError(file, field_name, f"a file path inside the workspace without '..', got {path!r}")
    return "/".join(parts)


def read_tree(folder: Path) -> dict[str, bytes]:
    """Every file under folder, by '/'-separated relative path."""
    if not folder.is_dir():
        return {}
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def read_solution(folder: Path) -> tuple[dict[str, bytes], list[dict[str, Any]] | None]:
    """A reference solution folder: its files, and the oracle's steps when it has steps.yaml
    (without one the oracle writes every file to the same path in the workspace)."""
    files = read_tree(folder)
    steps_data = files.pop(SOLUTION_STEPS_FILE, None)
    if steps_data is None:
        return files, None
    try:
        steps = yaml.safe_load(steps_data.decode("utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as e:
        raise TaskError(folder / SOLUTION_STEPS_FILE, "(file)", f"valid YAML ({e})") from None
    if not isinstance(steps, list):
        raise TaskError(folder / SOLUTION_STEPS_FILE, "(document)",
                        "a list of solution steps ({tool: ..., args: {...}}), as in task.yaml's solution")
    return files, steps
