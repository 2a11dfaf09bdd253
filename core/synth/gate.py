"""Stage 4, the quality gate: a task is kept only when it proves itself.

    loads        load_task accepts the folder (our format, every field valid)
    static       a solution and at least one mutant; every output a check reads is named in the
                 instruction (else the agent cannot know where to write it)
    sandbox      in a real sandbox: the oracle scores 100, the null agent does not solve it, every
                 mutant fails (core.synth.validate)
    review       optional: an LLM reads instruction, files and checks and says whether the task is
                 ambiguous; its verdict is stored with the task, and "ambiguous" rejects it
    duplicate    decided centrally, in item order (core.synth.dedupe)

Each failure is a (code, message) reason, recorded in the manifest.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..task import Task
from .model import Draft

MIN_INSTRUCTION_CHARS = 40


@dataclass
class GateResult:
    reasons: list[tuple[str, str]] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def accepted(self) -> bool:
        return not self.reasons

    def reject(self, code: str, message: str) -> None:
        self.reasons.append((code, message))


def check_paths(check) -> list[str]:
    spec = check.spec
    paths = [spec["path"]] if "path" in spec else []
    for side in ("a", "b"):
        if isinstance(spec.get(side), dict) and "path" in spec[side]:
            paths.append(spec[side]["path"])
    return paths


def static_reasons(task: Task, draft: Draft) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    if len(task.instruction.strip()) < MIN_INSTRUCTION_CHARS:
        out.append(("instruction-too-short", f"the instruction has {len(task.instruction.strip())} characters"))
    if not task.solution:
        out.append(("no-solution", "no reference solution to replay"))
    if not task.mutants:
        out.append(("no-mutants", "no mutants: nothing proves the checks are sharp"))
    unnamed = sorted({p for c in task.checks if c.type != "file_absent" for p in check_paths(c)
                      if not _grounded(p, task.instruction, draft.workspace.files)})
    if unnamed:
        out.append(("unnamed-output", f"checks read {', '.join(unnamed[:5])}, which neither the instruction nor "
                                      f"the workspace names"))
    return out


def _grounded(path: str, instruction: str, files: dict[str, str | bytes]) -> bool:
    """The agent can know `path`: it exists, the instruction names it, or it is a workspace file's
    name under a folder that the instruction or a workspace file (e.g. a rules file) names."""
    if path in files or path in instruction:
        return True
    folder, _, name = path.rpartition("/")
    names = {p.rsplit("/", 1)[-1] for p in files}
    texts = (instruction, *(t for t in files.values() if isinstance(t, str)))
    return name in names and any(folder in text for text in texts)


def sandbox_reasons(validation) -> list[tuple[str, str]]:
    return validation.reasons()
