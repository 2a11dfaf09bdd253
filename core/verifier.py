"""Verification of a final workspace: every code check, then the rubric (when a judge model is
configured), combined into a 0-100 score and a solved flag."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sandbox import Sandbox

from . import events as ev
from .checks import CheckContext, CheckResult, run_check
from .events import Recorder
from .judge import RubricResult, judge_item
from .task import Task


@dataclass
class Verdict:
    checks: list[CheckResult] = field(default_factory=list)
    rubric: list[RubricResult] = field(default_factory=list)
    score: float = 0.0
    solved: bool = False
    judge_tokens_in: int = 0
    judge_tokens_out: int = 0
    judge_cost: float = 0.0

    @property
    def checks_passed(self) -> int:
        return sum(c.passed for c in self.checks)

    def to_dict(self) -> dict[str, Any]:
        return {"score": self.score, "solved": self.solved,
                "checks": [c.to_dict() for c in self.checks], "rubric": [r.to_dict() for r in self.rubric]}


def score_of(checks: list[CheckResult], rubric: list[RubricResult], threshold: float) -> tuple[float, bool]:
    """Weighted share of check points plus judged rubric points; unjudged items count for nothing
    either way. Solved: all checks pass and the judged rubric share reaches the threshold."""
    earned = sum(c.weight for c in checks if c.passed)
    possible = sum(c.weight for c in checks)
    judged = [r for r in rubric if r.judged]
    earned += sum(r.weight * (r.score or 0.0) for r in judged)
    possible += sum(r.weight for r in judged)
    score = round(100.0 * earned / possible, 2) if possible else 0.0
    solved = bool(checks) and all(c.passed for c in checks)
    if judged:
        share = sum(r.weight * (r.score or 0.0) for r in judged) / sum(r.weight for r in judged)
        solved = solved and share >= threshold
    return score, solved


def verify(task: Task, sandbox: Sandbox, judge: str | None = None, recorder: Recorder | None = None) -> Verdict:
    ctx = CheckContext(task, sandbox)
    verdict = Verdict()
    for check in task.checks:
        result = run_check(check, ctx)
        verdict.checks.append(result)
        if recorder:
            recorder.emit(ev.CHECK_RESULT, **result.to_dict())
    for item in task.rubric:
        if judge:
            artifacts = {p: (ctx.text(p) if ctx.exists(p) else None) for p in item.artifacts}
            result = judge_item(judge, task.instruction, item, artifacts)
            verdict.judge_tokens_in += result.tokens_in
            verdict.judge_tokens_out += result.tokens_out
            verdict.judge_cost += result.cost
        else:
            result = RubricResult(id=item.id, weight=item.weight, criterion=item.criterion, judged=False,
                                  reason="no judge model configured (--judge)")
        verdict.rubric.append(result)
        if recorder:
            recorder.emit(ev.RUBRIC_RESULT, **result.to_dict())
    verdict.score, verdict.solved = score_of(verdict.checks, verdict.rubric, task.rubric_threshold)
    if recorder:
        recorder.emit(ev.SCORE, score=verdict.score, solved=verdict.solved,
                      checks_passed=verdict.checks_passed, checks_total=len(verdict.checks),
                      rubric_judged=sum(r.judged for r in verdict.rubric), rubric_total=len(verdict.rubric))
    return verdict
