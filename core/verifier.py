"""Verification of a final workspace: every code check, then the rubric (when a judge model is
configured), combined into a 0-100 score and a solved flag. A check earns its weight times its
credit: all or nothing, or the 0..1 value an external grader reported for it."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sandbox import Sandbox

from . import events as ev
from .checks import CheckContext, CheckResult, run_check_results
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
    earned = sum(c.weight * c.credit for c in checks)
    possible = sum(c.weight for c in checks)
    judged = [r for r in rubric if r.judged]
    earned += sum(r.weight * (r.score or 0.0) for r in judged)
    possible += sum(r.weight for r in judged)
    score = round(100.0 * earned / possible, 2) if possible else 0.0
    # a judge-only task (imported llm_judge tasks) can be solved only when its rubric is judged
    # (zero-weight results are informational: an external grader's non-numeric values)
    solved = (bool(checks) or bool(judged)) and all(c.passed for c in checks if c.weight > 0)
    if judged:
        share = sum(r.weight * (r.score or 0.0) for r in judged) / sum(r.weight for r in judged)
        solved = solved and share >= threshold
    return score, solved


def verify(task: Task, sandbox: Sandbox, judge: str | None = None, recorder: Recorder | None = None) -> Verdict:
    ctx = CheckContext(task, sandbox, recorder=recorder)
    verdict = Verdict()
    for check in task.checks:
        for result in run_check_results(check, ctx):
            verdict.checks.append(result)
            if recorder:
                recorder.emit(ev.CHECK_RESULT, **result.to_dict())
    for item in task.rubric:
        if judge:
            artifacts = {p: _artifact_text(ctx, p) for p in item.artifacts}
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


TRANSCRIPT_ARTIFACT = "@transcript"   # a rubric artifact that is the run's transcript, not a file


def _artifact_text(ctx: CheckContext, path: str) -> str | None:
    if path == TRANSCRIPT_ARTIFACT:
        from .interop.transcript import transcript_summary

        return transcript_summary(ctx.events())
    return ctx.text(path) if ctx.exists(path) else None
