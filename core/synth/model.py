"""What each synthesis stage produces. A draft is the three generation stages' outputs side by side;
stage 4 (the quality gate) judges a draft written out as a task folder.

    stage 1  TaskPlan      instruction, intent, expected artifacts (+ the hidden parameters later stages use)
    stage 2  Workspace     the mock workspace files, and the traps planted in them
    stage 3  Verification  checks with values computed from the workspace, rubric, reference solution, mutants
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Persona:
    """Who asks: a role in an organisation, with habits and the files such a person keeps."""
    id: str
    name: str
    role: str
    organisation: str
    sector: str
    habits: tuple[str, ...] = ()
    typical_files: tuple[str, ...] = ()
    intents: tuple[str, ...] = ()

    def describe(self) -> str:
        habit = f"; {self.habits[0].rstrip('.')}" if self.habits else ""
        return f"{self.name}, {self.role} at {self.organisation}{habit}."


@dataclass
class TaskPlan:
    """Stage 1: what the user asks for, and why."""
    title: str
    domain: str
    difficulty: str
    capabilities: tuple[str, ...]
    instruction: str
    intent: str
    expected_artifacts: tuple[str, ...]
    params: dict[str, Any] = field(default_factory=dict)   # hidden choices stages 2 and 3 follow


@dataclass
class Workspace:
    """Stage 2: the initial workspace (path -> text, or bytes for archives and git objects) and the
    traps planted in it."""
    files: dict[str, str | bytes]
    traps: tuple[str, ...] = ()

    def kinds(self) -> list[str]:
        """File kinds present (by extension), for statistics."""
        return sorted({file_kind(p) for p in self.files})


@dataclass
class Verification:
    """Stage 3: how the result is judged, and how a correct agent gets there."""
    checks: list[dict[str, Any]]
    solution: list[dict[str, Any]]
    mutants: list[dict[str, Any]]
    rubric: list[dict[str, Any]] = field(default_factory=list)
    solution_files: dict[str, str] = field(default_factory=dict)   # solution/<path>
    mutant_files: dict[str, str] = field(default_factory=dict)     # mutants/<path>
    check_files: dict[str, str] = field(default_factory=dict)      # checks/<path> (python check scripts)


@dataclass
class Draft:
    """A candidate task: the three stage outputs plus where it came from."""
    id: str
    plan: TaskPlan
    workspace: Workspace
    verification: Verification
    persona: Persona
    origin: dict[str, Any]
    skills: tuple[str, ...] = ()
    limits: dict[str, Any] = field(default_factory=lambda: {"turns": 30, "wall_s": 600, "tokens": 200000})


KIND_BY_NAME = {"crontab": "config", ".env": "config", ".gitignore": "config", "VERSION": "text",
                "pyproject.toml": "config", "requirements.txt": "requirements"}
KIND_BY_EXTENSION = {
    ".md": "markdown", ".csv": "csv", ".tsv": "csv", ".json": "json", ".yaml": "yaml",
    ".yml": "yaml", ".ini": "config", ".toml": "config", ".conf": "config", ".cfg": "config", ".env": "config",
    ".log": "log", ".py": "script", ".sh": "script", ".txt": "text", ".ics": "calendar", ".html": "web",
    ".css": "web", ".gz": "archive", ".keep": "log", ".jsonl": "log", ".bin": "binary",
}


def file_kind(path: str) -> str:
    name = path.rsplit("/", 1)[-1]
    if name.endswith((".bak", ".orig", "~")):
        return "backup"
    if name.endswith(".tmp"):
        return "temp"
    if path.startswith(".git/") or "/.git/" in path:
        return "git"
    if name.endswith((".tar.gz", ".tgz", ".tar", ".zip", ".tar.bz2", ".tar.xz")):
        return "archive"
    name = re.sub(r"\.\d+$", "", name)   # rotated: app.log.1
    if name in KIND_BY_NAME:
        return KIND_BY_NAME[name]
    if name.endswith(".cron") or "/cron.d/" in path or name.startswith("requirements"):
        return "config" if "cron" in path else "requirements"
    if ".log" in name:
        return "log"
    for ext, kind in KIND_BY_EXTENSION.items():
        if name.endswith(ext):
            return kind
    return "other"
