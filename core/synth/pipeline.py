"""The synthesis pipeline: plan items, run the four stages in a pool of worker processes, decide
duplicates in item order, publish accepted tasks and append every outcome to the manifest.

    summary = synthesize(SynthConfig(out=Path("synth-out"), count=100, seed=7, jobs=2))

Output folder:
    <domain>/<task id>/      accepted tasks (task.yaml, workspace/, solution/, mutants/, checks/, synth.json)
    manifest.jsonl           one record per planned item, accepted or rejected, with its reasons
    run.json                 the settings that make the run reproducible
Determinism: an item's content depends only on (seed, index); results are consumed in index order,
so the same settings give byte-identical output for any -j. Resume: items whose id is already in
the manifest are skipped and the duplicate index is rebuilt from it, so an interrupted run
continues to exactly what an uninterrupted one would have written.
"""
from __future__ import annotations

import itertools
import json
import multiprocessing
import shutil
import signal
import threading
import time
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from ..task import Task, TaskError, load_task
from . import manifest as mf
from .dedupe import DuplicateIndex, Fingerprint
from .families import ALL, FAMILIES
from .gate import GateResult, sandbox_reasons, static_reasons
from .routes import ROUTES, WorkItem, plan_item
from .validate import sandboxes_in_ram, validate_in_sandbox
from .writer import move_into_place, write_synth_json, write_task

STAGING = ".staging"
STAGES = ("task_generation", "resource_preparation", "verification_design", "write_and_load",
          "quality_sandbox", "quality_review", "dedupe")


@dataclass
class SynthConfig:
    out: Path
    count: int
    seed: int = 0
    route: str = "both"
    jobs: int = 1
    model: str | None = None            # LLM engine (litellm model string); None: procedural
    review_model: str | None = None     # LLM ambiguity review; None: no review
    families: tuple[str, ...] | None = None
    sandbox: str = "bwrap"
    max_items: int | None = None        # give up after planning this many items (default 3 * count + 20)
    repair_rounds: int = 1              # LLM engine: times a rejected draft goes back to the model with the reasons

    def check(self) -> None:
        if isinstance(self.count, bool) or not isinstance(self.count, int) or self.count < 1:
            raise ValueError(f"--count must be a positive integer, got {self.count!r}")
        if isinstance(self.jobs, bool) or not isinstance(self.jobs, int) or self.jobs < 1:
            raise ValueError(f"-j/--jobs must be a positive integer, got {self.jobs!r}")
        if isinstance(self.repair_rounds, bool) or not isinstance(self.repair_rounds, int) or self.repair_rounds < 0:
            raise ValueError(f"--repair-rounds must be an integer >= 0, got {self.repair_rounds!r}")
        if self.route not in ROUTES:
            raise ValueError(f"--route must be one of {', '.join(ROUTES)}, got {self.route!r}")
        unknown = [f for f in self.families or () if f not in FAMILIES]
        if unknown:
            raise ValueError(f"--families: unknown family {unknown[0]!r}; known: {', '.join(FAMILIES)}")

    @property
    def engine(self) -> str:
        return "llm" if self.model else "procedural"

    def run_settings(self) -> dict[str, Any]:
        settings = {"seed": self.seed, "route": self.route, "engine": self.engine, "model": self.model,
                    "review_model": self.review_model, "families": list(self.families) if self.families else None}
        if self.model:
            settings["repair_rounds"] = self.repair_rounds
        return settings


@dataclass
class ItemResult:
    """What a worker hands back for one item (picklable, small)."""
    item: WorkItem
    record: dict[str, Any]
    fingerprint: dict[str, str] | None
    staged: str | None                  # the staging folder, when the task was written
    final_rel: str | None               # where it goes when accepted
    timings: dict[str, float] = field(default_factory=dict)


@dataclass
class SynthProgress:
    planned: int
    accepted: int
    rejected: int
    target: int
    elapsed_s: float
    last: dict[str, Any] | None = None


@dataclass
class SynthSummary:
    out: Path
    accepted: int
    rejected: int
    skipped: int                        # already in the manifest (resumed)
    wall_s: float
    stage_seconds: dict[str, float]
    processed: int
    stopped: bool = False


def _families(cfg: SynthConfig):
    return tuple(FAMILIES[f] for f in cfg.families) if cfg.families else ALL


def _record(item: WorkItem, draft, task, gate: GateResult, final_rel: str | None) -> dict[str, Any]:
    plan = draft.plan if draft else None
    return {
        "id": item.id, "index": item.index, "seed": item.seed, "route": item.route, "family": item.family,
        "persona_id": item.archetype, "intent": plan.intent if plan else item.intent,
        "skills": list(item.skills) if not draft else list(draft.skills),
        "domain": plan.domain if plan else None, "difficulty": plan.difficulty if plan else None,
        "capabilities": list(plan.capabilities) if plan else [],
        "kinds": draft.workspace.kinds() if draft else [], "traps": list(draft.workspace.traps) if draft else [],
        "expected_artifacts": list(plan.expected_artifacts) if plan else [],
        "checks": len(task.checks) if task else None, "mutants": len(task.mutants) if task else None,
        "status": "accepted" if gate.accepted else "rejected",
        "reasons": [list(r) for r in gate.reasons], "gate": gate.details, "path": final_rel,
    }


def gate_draft(draft, staging: Path, sandbox: str, review_model: str | None,
               timings: dict[str, float] | None = None) -> tuple[GateResult, Task | None, dict[str, str] | None]:
    """Stage 4 for one draft, all but the duplicate decision: write it to `staging`, load it, the
    static checks, the sandbox runs, the optional review. Returns (gate, task, fingerprint)."""
    timings = timings if timings is not None else {}
    gate = GateResult()
    t0 = time.perf_counter()
    write_task(draft, staging)
    try:
        task = load_task(staging)
        gate.details["loads"] = True
    except TaskError as e:
        gate.details["loads"] = False
        gate.reject("does-not-load", str(e).replace(str(staging), draft.id)[:500])
        timings["write_and_load"] = time.perf_counter() - t0
        return gate, None, None
    timings["write_and_load"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    fingerprint = Fingerprint.of(draft.plan.instruction, draft.workspace.files).to_dict()
    timings["dedupe"] = time.perf_counter() - t0
    for code, message in static_reasons(task, draft):
        gate.reject(code, message)
    t0 = time.perf_counter()
    try:
        validation = validate_in_sandbox(task, backend=sandbox)
        gate.details["sandbox"] = validation.summary()
        for code, message in sandbox_reasons(validation):
            gate.reject(code, message)
    except Exception as e:   # a sandbox that cannot start is a rejection with its reason, not a crash
        gate.reject("sandbox-error", f"{type(e).__name__}: {e}"[:500])
    timings["quality_sandbox"] = time.perf_counter() - t0
    if review_model and gate.accepted:
        from .review import review_task

        t0 = time.perf_counter()
        verdict = review_task(review_model, task, draft)
        gate.details["review"] = verdict
        if verdict["verdict"] == "ambiguous":
            gate.reject("ambiguous", "; ".join(verdict["issues"] or ["the reviewer found it ambiguous"])[:500])
        elif verdict["verdict"] != "clear":
            gate.reject("review-failed", "; ".join(verdict["issues"])[:500])
        timings["quality_review"] = time.perf_counter() - t0
    return gate, task, fingerprint


def process_item(item: WorkItem, out: str, sandbox: str, model: str | None, review_model: str | None,
                 repair_rounds: int = 1) -> ItemResult:
    """Stages 1-4 (all but the duplicate decision) for one item. Never raises: a failure anywhere
    becomes a rejection with its reason. An LLM draft the gate rejects for something the model can
    fix goes back to it with the reasons, up to `repair_rounds` times; each round is recorded."""
    timings: dict[str, float] = {}
    draft = task = fingerprint = staged = final_rel = session = None
    try:
        if model:
            from .llm import LlmSession   # imports litellm; only load it where used

            session = LlmSession(item, model, timings)
            draft = session.draft()
        else:
            from .procedural import generate

            draft = generate(item, timings)
    except Exception as e:   # a generator bug, or a model that returned nonsense
        gate = GateResult()
        gate.reject("generation-failed", f"{type(e).__name__}: {e}"[:500])
    if draft is not None:
        final_rel = f"{draft.plan.domain}/{item.id}"
        staged = str(Path(out) / STAGING / item.id)
        gate, task, fingerprint = gate_draft(draft, Path(staged), sandbox, review_model, timings)
        if session is not None:
            from .llm import repairable

            repairs: list[dict[str, Any]] = []
            while not gate.accepted and len(repairs) < repair_rounds and repairable(gate.reasons):
                rejected_for = [list(r) for r in gate.reasons]
                try:
                    revised = session.repair(draft, gate.reasons)
                except Exception as e:   # the model could not answer usefully: keep the first rejection
                    repairs.append({"reasons": rejected_for, "outcome": f"no usable reply: {e}"[:300]})
                    break
                draft = revised   # same plan domain: a repair replaces stage 3, the files or the instruction
                gate, task, fingerprint = gate_draft(draft, Path(staged), sandbox, review_model, timings)
                repairs.append({"reasons": rejected_for, "outcome": "accepted" if gate.accepted else "rejected"})
            if repairs:
                gate.details["repairs"] = repairs
    return ItemResult(item=item, record=_record(item, draft, task, gate, final_rel), fingerprint=fingerprint,
                      staged=staged, final_rel=final_rel, timings=timings)


def _worker_init() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)   # Ctrl-C is the parent's to handle
    sandboxes_in_ram().__enter__()   # for the worker's whole life; see validate.sandboxes_in_ram


def _prepare_out(cfg: SynthConfig) -> list[dict[str, Any]]:
    out = Path(cfg.out)
    out.mkdir(parents=True, exist_ok=True)
    run_file = out / mf.RUN_FILE
    settings = cfg.run_settings()
    if run_file.is_file():
        previous = json.loads(run_file.read_text(encoding="utf-8"))
        if previous != settings:
            diff = ", ".join(f"{k}={previous.get(k)!r}" for k in settings if previous.get(k) != settings[k])
            raise ValueError(f"--out {out} holds a run made with other settings ({diff}); use a new folder "
                             f"or the same settings to resume it")
    else:
        run_file.write_text(json.dumps(settings, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    shutil.rmtree(out / STAGING, ignore_errors=True)   # half-written tasks of an interrupted run
    records = mf.read_manifest(out)
    mf.repair_manifest(out, records)
    return records


def synthesize(cfg: SynthConfig, on_progress: Callable[[SynthProgress], None] | None = None,
               cancel: threading.Event | None = None) -> SynthSummary:
    cfg.check()
    started = time.perf_counter()
    cancel = cancel or threading.Event()
    records = _prepare_out(cfg)
    out = Path(cfg.out)
    done_ids = {r["id"] for r in records}
    index = DuplicateIndex()
    for r in records:
        if r["status"] == "accepted" and r.get("fingerprint"):
            index.add(r["id"], Fingerprint.from_dict(r["fingerprint"]))
    accepted = sum(r["status"] == "accepted" for r in records)
    rejected = len(records) - accepted
    families = _families(cfg)
    max_items = cfg.max_items or 3 * cfg.count + 20

    def items():
        for i in itertools.count():
            if i >= max_items:
                return
            item = plan_item(cfg.seed, i, cfg.route, families, cfg.engine)
            if item.id not in done_ids:
                yield item

    stage_seconds = {s: 0.0 for s in STAGES}
    processed = 0
    manifest = open(out / mf.MANIFEST, "a", encoding="utf-8")

    def consume(result: ItemResult) -> None:
        nonlocal accepted, rejected, processed
        rec = result.record
        t0 = time.perf_counter()
        if rec["status"] == "accepted" and result.fingerprint:
            fp = Fingerprint.from_dict(result.fingerprint)
            dup = index.check(fp)
            if dup:
                kind, other, sim = dup
                rec["status"] = "rejected"
                rec["reasons"].append([kind, f"{kind} of {other} (similarity {sim:.2f})"])
                rec["gate"]["duplicate"] = {"of": other, "similarity": round(sim, 3)}
            else:
                index.add(rec["id"], fp)
        result.timings["dedupe"] = result.timings.get("dedupe", 0.0) + time.perf_counter() - t0
        if rec["status"] == "accepted":
            staged = Path(result.staged)
            write_synth_json(staged, {**json.loads((staged / "synth.json").read_text()), "gate": rec["gate"]})
            move_into_place(staged, out / result.final_rel)
            accepted += 1
        else:
            rec["path"] = None
            if result.staged:
                shutil.rmtree(result.staged, ignore_errors=True)
            rejected += 1
        rec["fingerprint"] = result.fingerprint if rec["status"] == "accepted" else None
        manifest.write(mf.record_line(rec))
        manifest.flush()
        processed += 1
        for stage, seconds in result.timings.items():
            stage_seconds[stage] = stage_seconds.get(stage, 0.0) + seconds
        if on_progress:
            try:
                on_progress(SynthProgress(processed + len(records), accepted, rejected, cfg.count,
                                          time.perf_counter() - started, rec))
            except Exception:
                pass

    args = (str(out), cfg.sandbox, cfg.model, cfg.review_model, cfg.repair_rounds)
    stopped = False
    try:
        if accepted < cfg.count:
            if cfg.jobs == 1:
                with sandboxes_in_ram():
                    for item in items():
                        if cancel.is_set():
                            stopped = True
                            break
                        consume(process_item(item, *args))
                        if accepted >= cfg.count:
                            break
            else:
                stopped = _run_pool(cfg, items(), args, consume, lambda: accepted >= cfg.count, cancel)
    except KeyboardInterrupt:
        stopped = True
    finally:
        manifest.close()
        shutil.rmtree(out / STAGING, ignore_errors=True)
    return SynthSummary(out=out, accepted=accepted, rejected=rejected, skipped=len(records),
                        wall_s=time.perf_counter() - started, stage_seconds=stage_seconds, processed=processed,
                        stopped=stopped or cancel.is_set())


def _run_pool(cfg: SynthConfig, items, args, consume, enough: Callable[[], bool], cancel: threading.Event) -> bool:
    """Keep the workers busy with a window of submitted items; consume results strictly in item
    order. Returns True when stopped early (cancel / Ctrl-C)."""
    context = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
    window = cfg.jobs * 8
    with ProcessPoolExecutor(max_workers=cfg.jobs, mp_context=context, initializer=_worker_init) as pool:
        pending: deque = deque()
        items = iter(items)

        def fill() -> None:
            while len(pending) < window:
                item = next(items, None)
                if item is None:
                    return
                pending.append(pool.submit(process_item, item, *args))

        try:
            fill()
            while pending:
                if cancel.is_set():
                    break
                result = pending.popleft().result()
                consume(result)
                if enough():
                    break
                fill()
        except KeyboardInterrupt:
            cancel.set()
        for future in pending:
            future.cancel()
        return cancel.is_set()
