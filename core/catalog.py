"""Every task the workbench knows, across suites, with a fuzzy filter shared by the CLI
(`clawbench tasks --filter`) and the Tasks screen."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .task import Task, TaskError, default_task_root, load_tasks


@dataclass(frozen=True)
class Entry:
    task: Task
    suite: str

    @property
    def haystack(self) -> str:
        t = self.task
        return " ".join([self.suite, t.id, t.title, t.domain, t.difficulty, " ".join(t.capabilities),
                         str(t.origin.get("route", ""))]).lower()


def load_catalog(root: Path | str | None = None) -> tuple[list[Entry], list[TaskError]]:
    """Tasks under root (default: the built-in suites); the suite is the first folder below root."""
    root = Path(root) if root else default_task_root()
    tasks, errors = load_tasks(root)
    entries = []
    for task in tasks:
        # an imported task lives in the cache: its suite comes from where its source file is
        where = Path(task.source["path"]) if task.source.get("path") else task.path
        try:
            rel = where.relative_to(root.resolve())
            suite = rel.parts[0] if len(rel.parts) > 1 else root.name
        except ValueError:
            suite = root.name
        entries.append(Entry(task, suite))
    return entries, errors


def fuzzy_score(query: str, text: str) -> float | None:
    """Score how well `query` matches `text` as an in-order subsequence per word; None if it does not.
    Contiguous runs and word starts score higher, so 'sys log' ranks 'sys-logrotate' first."""
    text = text.lower()
    total = 0.0
    for word in query.lower().split():
        if word in text:
            at = text.index(word)
            total += 3 * len(word) + (2 if at == 0 or not text[at - 1].isalnum() else 0)
            continue
        pos, run, score = -1, 0, 0.0
        for ch in word:
            nxt = text.find(ch, pos + 1)
            if nxt < 0:
                return None
            run = run + 1 if nxt == pos + 1 else 0
            score += 1 + run + (1 if nxt == 0 or not text[nxt - 1].isalnum() else 0)
            pos = nxt
        total += score
    return total


def filter_entries(entries: list[Entry], query: str) -> list[Entry]:
    """Entries matching every word of query, best first (all of them, in order, for an empty query)."""
    if not query.strip():
        return list(entries)
    scored = [(s, i, e) for i, e in enumerate(entries) if (s := fuzzy_score(query, e.haystack)) is not None]
    scored.sort(key=lambda x: (-x[0], x[1]))
    return [e for _, _, e in scored]
