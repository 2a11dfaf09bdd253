"""Tiny throwaway tasks for the suite tests (the built-in suites are not ours to edit). No tests here."""
from __future__ import annotations

from pathlib import Path

import yaml

GOOD_MUTANT = {"id": "wrong-word", "description": "out.txt says nok",
               "steps": [{"tool": "edit_file", "args": {"path": "out.txt", "old": "ok", "new": "nok"}}]}
HARMLESS_MUTANT = {"id": "stray-file", "description": "leaves a stray notes file (the checks do not look)",
                   "steps": [{"tool": "write_file", "args": {"path": "notes.txt", "content": "hi"}}]}


def make_task(root: Path, task_id: str, *, domain: str = "systems", difficulty: str = "easy",
              capabilities: tuple[str, ...] = ("file-state",), sleep_s: float = 0,
              mutants: list[dict] | None = None, instruction: str | None = None) -> Path:
    """A task whose answer is out.txt containing 'ok'; the oracle writes it (after `sleep_s`)."""
    folder = root / task_id
    (folder / "workspace").mkdir(parents=True)
    (folder / "workspace" / "input.txt").write_text(f"task {task_id}\n")
    (folder / "solution").mkdir()
    (folder / "solution" / "out.txt").write_text("ok\n")
    solution = [{"tool": "write_file", "args": {"path": "out.txt", "content_file": "out.txt"}}]
    if sleep_s:
        solution.insert(0, {"tool": "exec", "args": {"command": f"sleep {sleep_s}"}})
    spec = {"id": task_id, "title": f"Task {task_id}", "domain": domain, "difficulty": difficulty,
            "capabilities": list(capabilities), "instruction": instruction or f"Write ok to out.txt ({task_id}).",
            "checks": [{"id": "out", "type": "regex", "path": "out.txt", "pattern": "^ok$"},
                       {"id": "input-kept", "type": "file_exists", "path": "input.txt"}],
            "solution": solution}
    if mutants is not None:
        spec["mutants"] = mutants
    (folder / "task.yaml").write_text(yaml.safe_dump(spec, sort_keys=False))
    return folder


def make_suite(root: Path, n: int, **kwargs) -> Path:
    domains = ["systems", "analysis", "content", "planning", "software", "productivity"]
    for i in range(n):
        make_task(root, f"t{i}", domain=domains[i % len(domains)], **kwargs)
    return root
