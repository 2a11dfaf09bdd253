"""External task sets loaded as our Tasks: detect, convert to a draft, materialise (cached), load.

`core.task.load_tasks` calls `load_external` for every path it is given, so `clawbench tasks`,
`clawbench bench --suite`, the catalog and the screens take ClawGym and PinchBench sets as they
are. A broken external task comes back as a TaskError naming its file (and line), field and what
was expected, and the others still load.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from ..task import Task, TaskError, load_task
from . import clawgym, pinchbench
from .detect import CLAWGYM_FOLDER, CLAWGYM_JSONL, PINCHBENCH, Source, find_sources
from .materialize import TaskDraft, materialize, write_task_folder


def read_drafts(source: Source) -> tuple[list[TaskDraft], list[TaskError]]:
    """The drafts of one source (a JSONL file holds many) and the errors of its broken tasks."""
    try:
        if source.format == CLAWGYM_JSONL:
            return clawgym.read_jsonl_tasks(source.path)
        if source.format == CLAWGYM_FOLDER:
            return [clawgym.read_folder_task(source.path)], []
        if source.format == PINCHBENCH:
            return [pinchbench.read_task_file(source.path)], []
    except TaskError as e:
        return [], [e]
    except OSError as e:
        return [], [TaskError(source.path, "(file)", f"a readable task ({e})")]
    raise ValueError(f"unknown external format {source.format!r}")


def external_drafts(root: Path | str) -> tuple[list[TaskDraft], list[TaskError]]:
    drafts, errors = [], []
    for source in find_sources(root):
        d, e = read_drafts(source)
        drafts += d
        errors += e
    return drafts, errors


def load_external(root: Path | str, cache: Path | None = None) -> tuple[list[Task], list[TaskError]]:
    """Every external task at or under root, converted and loaded (from the cache when unchanged)."""
    drafts, errors = external_drafts(root)
    tasks = []
    for draft in drafts:
        folder = materialize(draft, cache)
        try:
            tasks.append(load_task(folder))
        except TaskError as e:   # the source passed our reading but not the task loader: say where it came from
            errors.append(TaskError(_where(draft), e.field, f"{e.expected} (converted to {folder})"))
    return tasks, errors


def resolve_external(ref: str) -> Task:
    """One external task: PATH holding exactly one task, or PATH#TASK_ID (our id or the original)."""
    path, _, wanted = ref.partition("#")
    tasks, errors = load_external(Path(path))
    if wanted:
        matching = [t for t in tasks if wanted in (t.id, str(t.source.get("id")))]
        if not matching:
            raise TaskError(ref, "#TASK_ID", f"the id of a task in {path}: "
                            f"{', '.join(t.id for t in tasks[:12]) or 'it holds no loadable task'}")
        tasks = matching
    if len(tasks) == 1:
        return tasks[0]
    if not tasks:
        if errors:
            raise errors[0]
        raise TaskError(ref, "(task)", "a task folder or the id of a built-in task, or a ClawGym/PinchBench "
                        "task (a folder with data_entry.json, a JSONL file, a task_*.md file)")
    raise TaskError(ref, "(task)", f"one task, but it holds {len(tasks)} ({', '.join(t.id for t in tasks[:8])}"
                    f"{', ...' if len(tasks) > 8 else ''}); pick one with PATH#TASK_ID")


def import_tasks(root: Path | str, out: Path, force: bool = False) -> tuple[list[Path], list[TaskError]]:
    """Write every external task under root as a task folder of ours under out/<id>/ (to edit)."""
    drafts, errors = external_drafts(root)
    written = []
    for draft in drafts:
        dest = out / draft.id
        if dest in written:
            errors.append(TaskError(_where(draft), "id", f"an id no other task uses; {draft.id!r} is taken"))
            continue
        if dest.exists():
            if not force:
                errors.append(TaskError(dest, "(folder)", "a new folder; it exists already (use --force to replace it)"))
                continue
            shutil.rmtree(dest)
        written.append(write_task_folder(draft, dest))
    return written, errors


def _where(draft: TaskDraft) -> str:
    src = draft.source
    return f"{src.get('path')}:{src['line']}" if src.get("line") else str(src.get("path"))
