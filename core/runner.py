"""One run of one task: create the sandbox, let the agent work, verify, store everything.

The run row is written first and every event is committed as it happens, so a crash, a
Ctrl-C or a kill -9 leaves a consistent database: the run is marked failed, cancelled or
interrupted (the last one by `Store.mark_interrupted_runs` when the process died outright).
"""
from __future__ import annotations

import secrets
import signal
import threading
import time
import traceback
from dataclasses import dataclass, field
from typing import Callable

from sandbox import Sandbox, SandboxLimits, create_sandbox, select_backend
from store import Store

from . import events as ev
from .agent import AGENTS, AgentContext, AgentOutcome, run_agent
from .events import Listener, Recorder
from .task import Task
from .tools import ToolExecutor
from .verifier import Verdict, verify
from .workspace import WorkspaceTracker


@dataclass
class RunResult:
    run_id: str
    task_id: str
    status: str                        # finished | failed | cancelled | interrupted
    score: float | None = None
    solved: bool | None = None
    verdict: Verdict | None = None
    outcome: AgentOutcome = field(default_factory=AgentOutcome)
    error: str | None = None
    duration_s: float = 0.0
    exec_s: float = 0.0                # time inside sandbox execs

    def to_dict(self) -> dict:
        return {"run_id": self.run_id, "task_id": self.task_id, "status": self.status, "score": self.score,
                "solved": self.solved, "error": self.error, "turns": self.outcome.turns,
                "tokens_in": self.outcome.tokens_in, "tokens_out": self.outcome.tokens_out,
                "cost": self.outcome.cost, "duration_s": round(self.duration_s, 3),
                "checks": [c.to_dict() for c in self.verdict.checks] if self.verdict else [],
                "rubric": [r.to_dict() for r in self.verdict.rubric] if self.verdict else []}


def new_run_id() -> str:
    return time.strftime("%Y%m%d-%H%M%S-") + secrets.token_hex(3)


def register_task(store: Store, task: Task, suite: str | None = None) -> None:
    store.upsert_task({"id": task.id, "path": str(task.path), "title": task.title, "domain": task.domain,
                       "difficulty": task.difficulty, "capabilities": list(task.capabilities),
                       "origin": task.origin, "suite": suite, "fingerprint": task.fingerprint()})


class _Interrupted(BaseException):
    """Raised in the main thread on SIGTERM so the run is closed as interrupted."""


def run_task(task: Task, store: Store, *, agent: str = "oracle", model: str | None = None,
             judge: str | None = None, sandbox: str | None = "auto", listeners: list[Listener] | None = None,
             cancel: threading.Event | None = None, run_id: str | None = None,
             limits: SandboxLimits | None = None, suite_run_id: str | None = None, sample: int = 0,
             backoff_s: float = 1.0, mutant: str | None = None,
             on_sandbox: Callable[[Sandbox], None] | None = None) -> RunResult:
    if agent not in AGENTS:
        raise ValueError(f"--agent must be one of {', '.join(AGENTS)}, got {agent!r}")
    if agent == "native" and not model:
        raise ValueError("--agent native needs --model (a litellm model string)")
    mutant_spec = None
    if mutant is not None:
        mutant_spec = next((m for m in task.mutants if m.id == mutant), None)
        if agent != "oracle" or mutant_spec is None:
            raise ValueError(f"mutant {mutant!r}: needs --agent oracle and one of the task's mutants "
                             f"({', '.join(m.id for m in task.mutants) or 'none'})")
    backend = select_backend(sandbox)
    run_id = run_id or new_run_id()
    cancel = cancel or threading.Event()
    register_task(store, task)
    store.create_run(run_id, task_id=task.id, task_path=str(task.path), task_fingerprint=task.fingerprint(),
                     agent=agent, model=model if agent == "native" else agent, judge=judge, sandbox=backend,
                     suite_run_id=suite_run_id, sample=sample, meta={"mutant": mutant} if mutant else None)
    recorder = Recorder(store, run_id, listeners)
    result = RunResult(run_id=run_id, task_id=task.id, status="failed")
    started = time.perf_counter()
    restore = _install_sigterm()
    box = None
    try:
        recorder.emit(ev.RUN_STARTED, task_id=task.id, title=task.title, instruction=task.instruction,
                      agent=agent, model=model, judge=judge, sandbox=backend, limits=vars(task.limits))
        box = create_sandbox(task.workspace_dir, backend=backend, limits=limits, run_id=run_id,
                             aliases=task.workspace_aliases)
        if on_sandbox:
            on_sandbox(box)  # e.g. the live view starts watching the workspace
        tracker = WorkspaceTracker(box, recorder)
        tracker.sync()  # the initial workspace, so step 0 of a replay already shows every file
        tools = ToolExecutor(box, recorder, tracker)
        ctx = AgentContext(task=task, tools=tools, recorder=recorder, model=model, cancel=cancel,
                           backoff_s=backoff_s, mutant=mutant_spec)
        result.outcome = run_agent(agent, ctx)
        if result.outcome.status == "cancelled":
            result.status = "cancelled"
        else:
            result.verdict = verify(task, box, judge=judge, recorder=recorder)
            result.score, result.solved = result.verdict.score, result.verdict.solved
            result.status = "failed" if result.outcome.status == "error" else "finished"
            result.error = result.outcome.reason if result.outcome.status == "error" else None
        result.exec_s = tools.exec_seconds
    except (KeyboardInterrupt, _Interrupted):
        result.status, result.error = "interrupted", "interrupted by a signal"
        recorder.emit(ev.ERROR, where="runner", retrying=False, message=result.error)
    except Exception as e:
        result.status, result.error = "failed", f"{type(e).__name__}: {e}"
        recorder.emit(ev.ERROR, where="runner", retrying=False, message=result.error,
                      traceback=traceback.format_exc()[-4000:])
    finally:
        if box is not None:
            try:
                box.destroy()
            except Exception:
                pass
        result.duration_s = time.perf_counter() - started
        o = result.outcome
        recorder.emit(ev.RUN_FINISHED, status=result.status, score=result.score, solved=result.solved,
                      reason=result.error or o.reason, turns=o.turns, tokens_in=o.tokens_in,
                      tokens_out=o.tokens_out, cost=o.cost, duration_s=round(result.duration_s, 3))
        judge_cost = result.verdict.judge_cost if result.verdict else 0.0
        store.update_run(run_id, status=result.status, finished_at=time.time(), score=result.score,
                         solved=None if result.solved is None else int(result.solved), turns=o.turns,
                         tokens_in=o.tokens_in, tokens_out=o.tokens_out, cost=o.cost + judge_cost,
                         error=result.error)
        if result.verdict:
            _store_scores(store, run_id, result.verdict)
        restore()
    return result


def _store_scores(store: Store, run_id: str, verdict: Verdict) -> None:
    for c in verdict.checks:
        detail = {"message": c.message} if c.value is None else {"message": c.message, "value": c.value}
        store.put_score(run_id, "check", c.id, type=c.type, passed=int(c.passed), weight=c.weight,
                        points=c.weight * c.credit, observed=c.observed, expected=c.expected,
                        description=c.description, detail=detail)
    for r in verdict.rubric:
        store.put_score(run_id, "rubric", r.id, type="rubric", passed=None if not r.judged else int((r.score or 0) >= 0.5),
                        weight=r.weight, points=r.weight * (r.score or 0.0) if r.judged else None,
                        description=r.criterion, detail={"judged": r.judged, "score": r.score, "reason": r.reason})


def _install_sigterm():
    """Turn SIGTERM into an exception in the main thread so the run is closed cleanly."""
    if threading.current_thread() is not threading.main_thread():
        return lambda: None

    def handler(signum, frame):
        raise _Interrupted()

    previous = signal.signal(signal.SIGTERM, handler)
    return lambda: signal.signal(signal.SIGTERM, previous)
