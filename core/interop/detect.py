"""Which task format a path holds, and where the external task sources under a folder are.

- `clawbench`: a folder with task.yaml (ours; never looked into further);
- `clawgym-folder`: a folder with data_entry.json (one task);
- `clawgym-jsonl`: a .jsonl file whose lines are ClawGym tasks (prompt + hook_code/input_files);
- `pinchbench`: a task_*.md file (PinchBench's naming) with YAML frontmatter.
A file named explicitly is taken by its extension (.jsonl, .md) so that its errors are reported
rather than the file skipped.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from . import clawgym, pinchbench

CLAWBENCH, CLAWGYM_FOLDER, CLAWGYM_JSONL, PINCHBENCH = "clawbench", "clawgym-folder", "clawgym-jsonl", "pinchbench"
FORMATS = (CLAWBENCH, CLAWGYM_FOLDER, CLAWGYM_JSONL, PINCHBENCH)
# Folders that belong to a task (or hold reference solutions), never task sets of their own.
SKIP_DIRS = {"solutions", "solution", "assets", "input_files", "reward", "__pycache__", "node_modules"}


@dataclass(frozen=True)
class Source:
    format: str
    path: Path


def detect_format(path: Path | str) -> str | None:
    """The format of one task source, or None when the path is not one (a folder of many is not)."""
    path = Path(path)
    if path.is_dir():
        if (path / "task.yaml").is_file():
            return CLAWBENCH
        if clawgym.is_folder_task(path):
            return CLAWGYM_FOLDER
        return None
    if path.name == "task.yaml":
        return CLAWBENCH
    if path.suffix == ".jsonl":
        return CLAWGYM_JSONL
    if path.suffix == ".md":
        return PINCHBENCH
    return None


def find_sources(root: Path | str) -> list[Source]:
    """The external task sources at or under root, sorted by path; our own task folders are skipped."""
    root = Path(root)
    if not root.exists():
        return []
    fmt = detect_format(root)
    if fmt == CLAWBENCH or (root.is_file() and fmt is None):
        return []
    if fmt is not None:
        return [Source(fmt, root)]
    if not root.is_dir():
        return []
    found: list[Source] = []
    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        if "task.yaml" in filenames or "data_entry.json" in filenames:
            dirnames[:] = []          # a task folder: nothing inside is a task set
            if "data_entry.json" in filenames and "task.yaml" not in filenames:
                found.append(Source(CLAWGYM_FOLDER, here))
            continue
        dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS and not d.startswith("."))
        for name in sorted(filenames):
            path = here / name
            if name.endswith(".jsonl") and clawgym.looks_like_jsonl_tasks(path):
                found.append(Source(CLAWGYM_JSONL, path))
            elif pinchbench.is_task_file(path):
                found.append(Source(PINCHBENCH, path))
    return sorted(found, key=lambda s: str(s.path))
