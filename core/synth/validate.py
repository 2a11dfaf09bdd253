"""Lean sandbox validation for the quality gate: one real sandbox per task; the null run, the oracle
and every mutant are applied through core.agent's oracle replay and the same ToolExecutor an agent
uses, and judged by core.verifier. What it skips is the store: no run rows, events or blobs, which
is what makes validating thousands of tasks cheap. Between runs the workspace is put back to its
initial state through the sandbox's own file API (changed files rewritten, new files deleted).
"""
from __future__ import annotations

import contextlib
import functools
import os
import tempfile
from dataclasses import dataclass, field
from typing import Any

from sandbox import SandboxLimits, select_backend

from .. import events as ev
from ..agent import AgentContext, run_agent
from ..task import Task
from ..tools import ToolExecutor
from ..verifier import Verdict, verify


class _ThrowawayRecorder:
    """Stands in for core.events.Recorder: keeps only the errors (a failed solution step says why
    the oracle fell short), stores nothing."""

    def __init__(self) -> None:
        self.errors: list[str] = []

    def emit(self, event_type: str, /, **payload: Any) -> None:
        if event_type == ev.ERROR:
            self.errors.append(str(payload.get("message", "")))


class _NoTracker:
    """Stands in for core.workspace.WorkspaceTracker: any notification (sync, wrote, ...) is a no-op,
    since nothing is recorded."""

    def sync(self) -> list:
        return []

    def __getattr__(self, name: str):
        return lambda *args, **kwargs: None


@dataclass
class RunCheck:
    """One validation run: who (null, oracle, mutant:<id>), its score, and what failed."""
    kind: str
    score: float
    solved: bool
    failed_checks: list[str] = field(default_factory=list)
    passed_checks: list[str] = field(default_factory=list)
    step_errors: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)   # "id: observed ..., expected ..." for each failed check

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "score": self.score, "solved": self.solved, "failed": self.failed_checks,
                "step_errors": self.step_errors}


@dataclass
class SandboxValidation:
    null: RunCheck
    oracle: RunCheck
    mutants: list[RunCheck]

    def reasons(self) -> list[tuple[str, str]]:
        """(code, message) for each way the task falls short; empty when it proves itself."""
        out: list[tuple[str, str]] = []
        if self.oracle.step_errors:
            out.append(("solution-step-failed", f"the reference solution has a failing step: {self.oracle.step_errors[0][:300]}"))
        if not self.oracle.solved or self.oracle.score < 100:
            detail = "; ".join(self.oracle.step_errors[:2] + [f"check {c}" for c in self.oracle.failures[:3]])
            out.append(("oracle-fails", f"the reference solution scores {self.oracle.score:g}, not 100 ({detail})"))
        if self.null.solved:
            out.append(("null-solves", "the untouched workspace already passes every check "
                                       f"({', '.join(self.null.passed_checks[:4])})"))
        for m in self.mutants:
            if m.solved:
                out.append(("mutant-passes", f"{m.kind} still solves the task: the checks miss that mistake"))
        return out

    def to_dict(self) -> dict[str, Any]:
        return {"null": self.null.to_dict(), "oracle": self.oracle.to_dict(),
                "mutants": [m.to_dict() for m in self.mutants]}

    def summary(self) -> dict[str, Any]:
        """The compact form the manifest keeps."""
        return {"oracle_score": self.oracle.score, "null_score": self.null.score, "null_solved": self.null.solved,
                "mutants_failing": sum(not m.solved for m in self.mutants), "mutants_total": len(self.mutants)}


def _run(kind: str, verdict: Verdict, errors: list[str]) -> RunCheck:
    return RunCheck(kind=kind, score=verdict.score, solved=verdict.solved,
                    failed_checks=[c.id for c in verdict.checks if not c.passed],
                    passed_checks=[c.id for c in verdict.checks if c.passed], step_errors=list(errors),
                    failures=[f"{c.id}: observed {str(c.observed)[:120]!r}, expected {str(c.expected)[:120]!r}"
                              + (f" ({c.message[:120]})" if c.message else "") for c in verdict.checks if not c.passed])


def _replay(task: Task, box, mutant=None) -> list[str]:
    recorder = _ThrowawayRecorder()
    tools = ToolExecutor(box, recorder, _NoTracker(), exec_timeout=30.0)
    run_agent("oracle", AgentContext(task=task, tools=tools, recorder=recorder, mutant=mutant))
    return recorder.errors


def _reset(box, initial: dict[str, str], task: Task) -> None:
    """Back to the initial workspace: delete files the run added, rewrite the ones it changed."""
    for path, digest in box.snapshot().items():
        if path not in initial:
            box.delete_file(path)
        elif digest != initial[path]:
            box.write_file(path, (task.workspace_dir / path).read_bytes())
    current = box.snapshot()
    for path in initial.keys() - current.keys():
        box.write_file(path, (task.workspace_dir / path).read_bytes())


@functools.lru_cache(maxsize=4)
def sandbox_class(requested: str | None = "bwrap"):
    """The backend's sandbox class, its availability probed once per process: create_sandbox
    probes on every call (a `bwrap true` or a docker ping), which would be a third of the cost
    of validating a task."""
    name = select_backend(requested)
    if name == "docker":
        from sandbox.docker_backend import DockerSandbox
        return DockerSandbox
    from sandbox.bwrap_backend import BwrapSandbox
    return BwrapSandbox


RAM_DIR = "/dev/shm"


@contextlib.contextmanager
def sandboxes_in_ram():
    """Put bwrap sandbox folders on tmpfs while validating: a sandbox's life is a copy, a few
    writes and a delete, and on a disk file system those metadata operations cost more than the
    checks. Restores the previous temp dir afterwards; a no-op where /dev/shm is not writable."""
    if not (os.path.isdir(RAM_DIR) and os.access(RAM_DIR, os.W_OK)):
        yield
        return
    previous = tempfile.tempdir
    tempfile.tempdir = RAM_DIR
    try:
        yield
    finally:
        tempfile.tempdir = previous


def validate_in_sandbox(task: Task, backend: str | None = "bwrap",
                        limits: SandboxLimits | None = None) -> SandboxValidation:
    """Null, oracle and each mutant in one sandbox, reset in between."""
    box = sandbox_class(backend)(task.workspace_dir, limits=limits, run_id=f"synth-{task.id}"[:40],
                                 aliases=task.workspace_aliases)
    try:
        initial = box.snapshot()
        null = _run("null", verify(task, box), [])
        errors = _replay(task, box)
        oracle = _run("oracle", verify(task, box), errors)
        mutants = []
        for m in task.mutants:
            _reset(box, initial, task)
            errors = _replay(task, box, m)
            mutants.append(_run(f"mutant:{m.id}", verify(task, box), errors))
        return SandboxValidation(null=null, oracle=oracle, mutants=mutants)
    finally:
        box.destroy()
