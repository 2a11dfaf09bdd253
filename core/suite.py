"""Suite runs: every task of a suite (times K samples) on a bounded thread pool, each run stored
under one suite run that can be resumed; and suite validation (oracle solves, null does not,
every mutant fails).

Plain functions with progress callbacks, so `clawbench bench` / `suite validate` and the TUI's
Bench screen drive the same code:

    result = run_suite(store, tasks, suite=ref, agent="oracle", jobs=4, on_run_done=print)
    report = suite_report(store, result.suite_run_id)          # core.report

Resume key: (task id, sample) within a suite run. A pair that has a 'finished' or 'failed' run
is done; pairs whose runs were cancelled, interrupted or left 'running' by a dead process run
again. Every run and event is committed as it happens (see core.runner), so a kill -9 at any
moment leaves a store that the next invocation resumes from.
"""
from __future__ import annotations

import contextlib
import functools
import os
import signal
import socket
import tempfile
import threading
import time
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

import sandbox as sandbox_pkg
from sandbox import SandboxLimits, select_backend
from store import Store, pid_alive

from . import events as ev
from .agent import AGENTS
from .events import Listener, Recorder
from .report import COUNTED_STATUSES
from .runner import RunResult, new_run_id, run_task
from .task import BUILTIN_SUITES, Task, TaskError, load_tasks


# ------------------------------------------------------------------ finding a suite

@dataclass(frozen=True)
class SuiteRef:
    name: str     # what reports show: the built-in suite's name, or the folder's name
    path: Path    # the resolved folder; the resume key uses it


def builtin_suites() -> list[str]:
    return sorted(p.name for p in BUILTIN_SUITES.iterdir() if p.is_dir()) if BUILTIN_SUITES.is_dir() else []


def resolve_suite(ref: str | Path) -> SuiteRef:
    """A suite by folder path, an external task-set file (ClawGym JSONL, PinchBench .md), or the
    name of a built-in suite under core/suites/."""
    path = Path(ref).expanduser()
    if path.is_dir():
        return SuiteRef(name=path.resolve().name, path=path.resolve())
    if path.is_file() and path.suffix in (".jsonl", ".md"):   # converted on load, see core/interop
        return SuiteRef(name=path.resolve().stem, path=path.resolve())
    if path.exists():
        raise ValueError(f"--suite: {ref} is a file; expected a folder of tasks, a .jsonl or .md task set, "
                         "or a built-in suite name")
    builtin = BUILTIN_SUITES / str(ref)
    if "/" not in str(ref) and builtin.is_dir():
        return SuiteRef(name=str(ref), path=builtin.resolve())
    raise ValueError(f"--suite: {ref!r} is neither a folder nor a built-in suite "
                     f"(built-in: {', '.join(builtin_suites()) or 'none'})")


def load_suite(ref: str | Path) -> tuple[SuiteRef, list[Task], list[TaskError]]:
    """The suite's loadable tasks and the errors of the broken ones (never raised: one bad task
    must not hide the others). Raises ValueError when the folder holds no task.yaml at all."""
    suite = resolve_suite(ref)
    tasks, errors = load_tasks(suite.path)
    if not tasks and not errors:
        raise ValueError(f"--suite {ref}: no task.yaml under {suite.path}")
    return suite, tasks, errors


def _check_unique_ids(tasks: list[Task]) -> None:
    seen: dict[str, Path] = {}
    for t in tasks:
        if t.id in seen:
            raise ValueError(f"task id {t.id!r} is used twice: {seen[t.id]} and {t.path}; "
                             "ids must be unique within a suite (they key its runs)")
        seen[t.id] = t.path


# ------------------------------------------------------------------ model-call concurrency

_thread_gate = threading.local()
_gate_lock = threading.Lock()


def install_model_gate() -> None:
    """Wrap litellm.completion once so that each call first takes its thread's model semaphore.

    Sandbox concurrency (-j) and model concurrency are separate knobs: a suite may run 16
    sandboxes against a provider that allows 4 requests at a time. Every model call (agent
    turns, judge calls, each retry attempt separately) goes through litellm.completion, so the
    gate sits there; threads without a semaphore pass straight through."""
    from .models import litellm

    lib = litellm()
    with _gate_lock:
        if getattr(lib.completion, "_clawbench_gated", False):
            return
        original = lib.completion

        @functools.wraps(original)
        def completion(*args, **kwargs):
            semaphore = getattr(_thread_gate, "semaphore", None)
            if semaphore is None:
                return original(*args, **kwargs)
            with semaphore:
                return original(*args, **kwargs)

        completion._clawbench_gated = True
        lib.completion = completion


@contextlib.contextmanager
def model_calls_limited_by(semaphore: threading.Semaphore | None):
    """Within this block, model calls made by this thread hold `semaphore` while in flight."""
    previous = getattr(_thread_gate, "semaphore", None)
    _thread_gate.semaphore = semaphore
    try:
        yield
    finally:
        _thread_gate.semaphore = previous


# ------------------------------------------------------------------ the bounded pool

@contextlib.contextmanager
def _sigterm_as_interrupt():
    """SIGTERM stops a suite like Ctrl-C does (only the main thread may install handlers)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum, frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _call_quietly(callback: Callable | None, *args) -> None:
    """A broken progress viewer must never break the suite it watches."""
    if callback is None:
        return
    try:
        callback(*args)
    except Exception:
        pass


def run_bounded(items: Iterable, work: Callable, *, workers: int, cancel: threading.Event,
                on_result: Callable) -> bool:
    """work(item) on at most `workers` threads; on_result(item, result) runs in the calling thread
    as each one finishes. Items are submitted lazily, so stopping scheduling is simply not
    submitting more. Ctrl-C / SIGTERM / `cancel` stop it: nothing new starts, and the runs in
    flight (which watch `cancel`) close themselves before this returns. Returns True if stopped."""
    items = iter(items)
    pending: dict = {}
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="clawbench-suite") as pool, \
            _sigterm_as_interrupt():

        def fill() -> None:
            while len(pending) < workers and not cancel.is_set():
                item = next(items, _END)
                if item is _END:
                    return
                pending[pool.submit(work, item)] = item

        def collect(futures) -> None:
            for future in futures:
                on_result(pending.pop(future), future.result())

        try:
            fill()
            while pending:
                done, _ = wait(list(pending), timeout=0.25, return_when=FIRST_COMPLETED)
                collect(done)
                fill()
        except KeyboardInterrupt:
            cancel.set()
            collect(wait(list(pending)).done)
        except BaseException:
            cancel.set()  # stop the runs in flight: the pool's exit waits for them
            raise
    return cancel.is_set()


_END = object()


# ------------------------------------------------------------------ running a suite

@dataclass
class SuitePlan:
    suite_run_id: str
    resumed: bool
    total: int          # (task, sample) runs this invocation will start
    skipped: int        # already done in an earlier invocation of this suite run
    backend: str


@dataclass
class SuiteProgress:
    suite_run_id: str
    task: Task
    sample: int
    result: RunResult
    done: int
    total: int
    elapsed_s: float

    @property
    def eta_s(self) -> float:
        return self.elapsed_s / self.done * (self.total - self.done) if self.done else 0.0


@dataclass
class SuiteRunResult:
    suite_run_id: str
    status: str                      # finished | interrupted
    resumed: bool
    skipped: int
    results: list[RunResult] = field(default_factory=list)   # this invocation's runs, in finishing order
    wall_s: float = 0.0


def run_suite(store: Store, tasks: list[Task], *, suite: SuiteRef | str | Path, agent: str,
              model: str | None = None, judge: str | None = None, samples: int = 1, jobs: int = 1,
              model_concurrency: int | None = None, sandbox: str | None = "auto",
              resume: str | None = None, new: bool = False, limits: SandboxLimits | None = None,
              on_start: Callable[[SuitePlan], None] | None = None,
              on_run_done: Callable[[SuiteProgress], None] | None = None,
              listeners: list[Listener] | None = None, cancel: threading.Event | None = None,
              load_errors: Iterable[TaskError] = ()) -> SuiteRunResult:
    """Run every (task, sample) of a suite that is not done yet and store each run under one
    suite run. Without `resume`, an unfinished suite run with the same suite, agent, model,
    judge and samples is resumed (unless `new`). Returns when all ran or when stopped (Ctrl-C,
    SIGTERM or `cancel`), with status 'finished' or 'interrupted'."""
    suite = suite if isinstance(suite, SuiteRef) else resolve_suite(suite)
    _check_suite_args(tasks, agent=agent, model=model, samples=samples, jobs=jobs,
                      model_concurrency=model_concurrency)
    backend = select_backend(sandbox)
    cancel = cancel or threading.Event()
    started = time.perf_counter()
    _collect_garbage()
    store.mark_interrupted_runs()
    store.mark_interrupted_suite_runs()
    config = {"jobs": jobs, "model_concurrency": model_concurrency, "tasks": [_task_meta(t) for t in tasks],
              "load_errors": [str(e) for e in load_errors]}
    row, resumed = _open_suite_run(store, suite, agent=agent, model=model, judge=judge, samples=samples,
                                   backend=backend, resume=resume, new=new, config=config)
    suite_run_id = row["id"]
    done_pairs = {(r["task_id"], r["sample"] or 0) for r in store.runs_of_suite_run(suite_run_id)
                  if r["status"] in COUNTED_STATUSES}
    todo = [(t, s) for s in range(samples) for t in tasks if (t.id, s) not in done_pairs]
    plan = SuitePlan(suite_run_id, resumed, total=len(todo), skipped=len(tasks) * samples - len(todo),
                     backend=backend)
    _call_quietly(on_start, plan)

    semaphore = threading.Semaphore(model_concurrency) if model_concurrency else None
    if semaphore and (agent == "native" or judge):
        install_model_gate()

    def work(item: tuple[Task, int]) -> RunResult:
        task, sample = item
        run_id = new_run_id()
        with model_calls_limited_by(semaphore):
            try:
                return run_task(task, store, agent=agent, model=model, judge=judge, sandbox=backend,
                                listeners=listeners, cancel=cancel, run_id=run_id, limits=limits,
                                suite_run_id=suite_run_id, sample=sample)
            except Exception as e:  # anything run_task did not close itself: record it, go on
                return _record_crash(store, task, run_id, f"{type(e).__name__}: {e}", agent=agent, model=model,
                                     judge=judge, backend=backend, suite_run_id=suite_run_id, sample=sample)

    result = SuiteRunResult(suite_run_id, "interrupted", resumed, plan.skipped)

    def on_result(item: tuple[Task, int], run: RunResult) -> None:
        result.results.append(run)
        _call_quietly(on_run_done, SuiteProgress(suite_run_id, item[0], item[1], run, len(result.results),
                                                 plan.total, time.perf_counter() - started))

    try:
        run_bounded(todo, work, workers=jobs, cancel=cancel, on_result=on_result)
    finally:
        result.wall_s = time.perf_counter() - started
        result.status = _close_suite_run(store, suite_run_id, tasks, samples, result.wall_s)
    return result


def _check_suite_args(tasks: list[Task], *, agent: str, model: str | None, samples: int, jobs: int,
                      model_concurrency: int | None) -> None:
    if not tasks:
        raise ValueError("--suite: no loadable tasks to run")
    if agent not in AGENTS:
        raise ValueError(f"--agent must be one of {', '.join(AGENTS)}, got {agent!r}")
    if agent == "native" and not model:
        raise ValueError("--agent native needs --model (a litellm model string)")
    for name, value in (("--samples", samples), ("-j/--jobs", jobs)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValueError(f"{name} must be a positive integer, got {value!r}")
    if model_concurrency is not None and (not isinstance(model_concurrency, int) or model_concurrency < 1):
        raise ValueError(f"--model-concurrency must be a positive integer, got {model_concurrency!r}")
    _check_unique_ids(tasks)


def _collect_garbage() -> None:
    """Remove sandboxes left by dead runs before starting new ones; a gc hiccup is not fatal."""
    try:
        sandbox_pkg.gc(all=False)
    except Exception:
        pass


def _task_meta(task: Task) -> dict[str, Any]:
    # stored with the suite run so its report knows the plan, including tasks with no run yet
    try:
        fingerprint = task.fingerprint()
    except OSError:  # its files vanished since loading: its run will fail and say so
        fingerprint = None
    return {"id": task.id, "domain": task.domain, "difficulty": task.difficulty,
            "capabilities": list(task.capabilities), "fingerprint": fingerprint}


def _open_suite_run(store: Store, suite: SuiteRef, *, agent: str, model: str | None, judge: str | None,
                    samples: int, backend: str, resume: str | None, new: bool,
                    config: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    """The suite run to work on: --resume's, else the latest unfinished one with this
    configuration (unless `new`), else a fresh one."""
    if resume:
        row = store.get_suite_run(resume)
        if row is None:
            raise ValueError(f"--resume: no suite run {resume!r} in {store.path} (see `clawbench suite runs`)")
        wanted = {"--suite": (row["suite_path"], str(suite.path)), "--agent": (row["agent"], agent),
                  "--model": (row["model"], model), "--judge": (row["judge"], judge),
                  "--samples": (row["samples"], samples)}
        for arg, (stored, given) in wanted.items():
            if stored != given:
                raise ValueError(f"{arg}: suite run {row['id']} was started with {stored!r}, got {given!r}; "
                                 "resume it with the same settings or start a new suite run")
    else:
        row = None if new else store.find_unfinished_suite_run(str(suite.path), agent, model, judge, samples)
    if row is not None:
        _refuse_if_live(row, "--resume" if resume else "--new")
        previous = row.get("config") or {}
        config = dict(config, wall_s=previous.get("wall_s", 0.0), invocations=previous.get("invocations", 1) + 1)
        store.update_suite_run(row["id"], status="running", finished_at=None, pid=os.getpid(),
                               host=socket.gethostname(), sandbox=backend, config=config)
        return store.get_suite_run(row["id"]), True
    suite_run_id = "s" + new_run_id()
    store.create_suite_run(suite_run_id, suite=suite.name, suite_path=str(suite.path), agent=agent, model=model,
                           judge=judge, samples=samples, sandbox=backend,
                           config=dict(config, wall_s=0.0, invocations=1))
    return store.get_suite_run(suite_run_id), False


def _refuse_if_live(row: dict[str, Any], hint: str) -> None:
    """Two processes working on one suite run would run its pairs twice."""
    if row["status"] != "running" or row["pid"] == os.getpid():
        return
    if row["host"] == socket.gethostname() and row["pid"] and not pid_alive(row["pid"]):
        return
    raise ValueError(f"suite run {row['id']} is still running (pid {row['pid']} on {row['host']}); "
                     f"wait for it, or {'pass --new to start another' if hint == '--new' else 'stop it first'}")


def _close_suite_run(store: Store, suite_run_id: str, tasks: list[Task], samples: int, wall_s: float) -> str:
    """Finished when every (task, sample) has a counted run, else interrupted (resumable)."""
    counted = {(r["task_id"], r["sample"] or 0) for r in store.runs_of_suite_run(suite_run_id)
               if r["status"] in COUNTED_STATUSES}
    complete = all((t.id, s) in counted for t in tasks for s in range(samples))
    row = store.get_suite_run(suite_run_id)
    config = dict(row.get("config") or {})
    config["wall_s"] = round(config.get("wall_s", 0.0) + wall_s, 3)
    status = "finished" if complete else "interrupted"
    store.update_suite_run(suite_run_id, status=status, finished_at=time.time() if complete else None,
                           config=config)
    return status


def _record_crash(store: Store, task: Task, run_id: str, error: str, *, agent: str, model: str | None,
                  judge: str | None, backend: str, suite_run_id: str | None, sample: int) -> RunResult:
    """Close a run that raised out of run_task as failed (creating its row if it never got one),
    so the suite report accounts for it."""
    if store.get_run(run_id) is None:
        store.create_run(run_id, task_id=task.id, task_path=str(task.path), agent=agent,
                         model=model if agent == "native" else agent, judge=judge, sandbox=backend,
                         suite_run_id=suite_run_id, sample=sample)
    Recorder(store, run_id).emit(ev.ERROR, where="suite", retrying=False, message=error)
    store.update_run(run_id, status="failed", finished_at=time.time(), error=error)
    return RunResult(run_id=run_id, task_id=task.id, status="failed", error=error)


# ------------------------------------------------------------------ validating a suite

@dataclass
class TaskValidation:
    """Whether one task is fit for the benchmark: it loads, the oracle scores 100 and solves it,
    the null agent does not solve it, and it has mutants, none of which solves it."""
    task_id: str
    path: str
    load_error: str | None = None
    oracle: RunResult | None = None
    null: RunResult | None = None
    mutants: dict[str, RunResult] = field(default_factory=dict)
    reasons: list[str] = field(default_factory=list)   # why it is invalid; empty when valid

    @property
    def valid(self) -> bool:
        return not self.reasons

    @property
    def mutants_failing(self) -> int:
        return sum(1 for r in self.mutants.values() if r.status == "finished" and not r.solved)

    def to_dict(self) -> dict[str, Any]:
        def run(r: RunResult | None) -> dict[str, Any] | None:
            return None if r is None else {"run_id": r.run_id, "status": r.status, "score": r.score,
                                           "solved": r.solved, "error": r.error}

        return {"task_id": self.task_id, "path": self.path, "valid": self.valid, "reasons": self.reasons,
                "load_error": self.load_error, "oracle": run(self.oracle), "null": run(self.null),
                "mutants": {m: run(r) for m, r in self.mutants.items()},
                "mutants_failing": self.mutants_failing, "mutants_total": len(self.mutants)}


def _validation_reasons(v: TaskValidation, task: Task) -> list[str]:
    reasons = []
    o = v.oracle
    if o is None:
        reasons.append("oracle did not run (stopped)")
    elif o.status != "finished":
        reasons.append(f"oracle run {o.status}: {o.error or ''}".rstrip(": "))
    elif o.outcome.failed_steps:
        reasons.append(f"reference solution has failing steps: {o.outcome.failed_steps[0][:300]}")
    elif not (o.score == 100.0 and o.solved):
        failed = [c.id for c in o.verdict.checks if not c.passed] if o.verdict else []
        reasons.append(f"oracle scored {o.score} and {'solved' if o.solved else 'did not solve'} it"
                       + (f" (failed checks: {', '.join(failed)})" if failed else ""))
    n = v.null
    if n is None:
        reasons.append("null did not run (stopped)")
    elif n.status != "finished":
        reasons.append(f"null run {n.status}: {n.error or ''}".rstrip(": "))
    elif n.solved:
        reasons.append("null agent solves it: the checks accept the untouched workspace")
    if not task.mutants:
        reasons.append("no mutants: add at least one near-miss that must fail")
    for m in task.mutants:
        r = v.mutants.get(m.id)
        if r is None:
            reasons.append(f"mutant {m.id} did not run (stopped)")
        elif r.status != "finished":
            reasons.append(f"mutant {m.id} run {r.status}: {r.error or ''}".rstrip(": "))
        elif r.outcome.failed_steps:   # a mutant that did not apply proves nothing, even if it "fails"
            reasons.append(f"mutant {m.id} did not apply: {r.outcome.failed_steps[0][:300]}")
        elif r.solved:
            reasons.append(f"mutant {m.id} still solves it (score {r.score}): the checks miss "
                           f"'{m.description}'")
    return reasons


def validate_suite(tasks: list[Task], *, errors: Iterable[TaskError] = (), store: Store | None = None,
                   sandbox: str | None = "auto", jobs: int = 1, limits: SandboxLimits | None = None,
                   on_task_done: Callable[[TaskValidation], None] | None = None,
                   cancel: threading.Event | None = None) -> list[TaskValidation]:
    """Validate every task (oracle, null and each mutant run in a bounded pool of `jobs`).
    Broken tasks (`errors` from load_tasks) come back invalid with their load error. Runs go to
    `store`, or to a scratch database that is deleted afterwards so validation never fills the
    user's runs list. Ctrl-C, SIGTERM or `cancel` stop it: in-flight runs close, tasks not fully
    validated come back with a 'did not run (stopped)' reason, and `cancel` is left set."""
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise ValueError(f"-j/--jobs must be a positive integer, got {jobs!r}")
    backend = select_backend(sandbox)
    cancel = cancel or threading.Event()
    _collect_garbage()
    with contextlib.ExitStack() as stack:
        if store is None:
            scratch = stack.enter_context(tempfile.TemporaryDirectory(prefix="clawbench-validate-"))
            store = Store(Path(scratch) / "validate.db")
            stack.callback(store.close)
        return _validate(tasks, list(errors), store, backend, jobs, limits, on_task_done, cancel)


def _validate(tasks, errors, store, backend, jobs, limits, on_task_done, cancel) -> list[TaskValidation]:
    results: dict[str, TaskValidation] = {}
    for e in errors:
        v = TaskValidation(task_id=Path(e.file).parent.name, path=e.file, load_error=str(e),
                           reasons=[f"does not load: {e}"])
        results[f"broken:{e.file}"] = v
        _call_quietly(on_task_done, v)
    duplicates = _duplicate_ids(tasks)
    jobs_list: list[tuple[Task, str, str | None]] = []
    remaining: dict[str, int] = {}
    for t in tasks:
        results[str(t.path)] = TaskValidation(task_id=t.id, path=str(t.path))
        kinds = [("oracle", None), ("null", None)] + [("mutant", m.id) for m in t.mutants]
        jobs_list += [(t, kind, mutant) for kind, mutant in kinds]
        remaining[str(t.path)] = len(kinds)

    def work(item: tuple[Task, str, str | None]) -> RunResult:
        task, kind, mutant = item
        run_id = new_run_id()
        try:
            return run_task(task, store, agent="null" if kind == "null" else "oracle", sandbox=backend,
                            cancel=cancel, run_id=run_id, limits=limits, mutant=mutant)
        except Exception as e:
            return _record_crash(store, task, run_id, f"{type(e).__name__}: {e}", agent=kind, model=None,
                                 judge=None, backend=backend, suite_run_id=None, sample=0)

    def finish(task: Task) -> None:
        v = results[str(task.path)]
        v.reasons = _validation_reasons(v, task)
        if task.id in duplicates:
            v.reasons.insert(0, f"task id {task.id!r} is also used by {duplicates[task.id] - {str(task.path)}}")
        _call_quietly(on_task_done, v)

    def on_result(item: tuple[Task, str, str | None], run: RunResult) -> None:
        task, kind, mutant = item
        v = results[str(task.path)]
        if kind == "mutant":
            v.mutants[mutant] = run
        else:
            setattr(v, kind, run)
        remaining[str(task.path)] -= 1
        if remaining[str(task.path)] == 0:
            finish(task)

    run_bounded(jobs_list, work, workers=jobs, cancel=cancel, on_result=on_result)
    for t in tasks:  # stopped early: say which tasks were not validated
        if remaining[str(t.path)]:
            finish(t)
    return sorted(results.values(), key=lambda v: (v.task_id, v.path))


def _duplicate_ids(tasks: list[Task]) -> dict[str, set[str]]:
    paths: dict[str, set[str]] = {}
    for t in tasks:
        paths.setdefault(t.id, set()).add(str(t.path))
    return {tid: ps for tid, ps in paths.items() if len(ps) > 1}
