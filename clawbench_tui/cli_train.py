"""`clawbench curate` and `clawbench train ...`: curated datasets, SFT, and background jobs."""
from __future__ import annotations

import argparse
import json
import sys
import traceback
from pathlib import Path


def register(sub, db) -> None:
    curate_filters = argparse.ArgumentParser(add_help=False)
    curate_filters.add_argument("--min-score", type=float, default=100.0, help="keep runs scoring at least this (0-100)")
    curate_filters.add_argument("--include-unsolved", action="store_true", help="keep runs that are not solved")
    curate_filters.add_argument("--agent", help="only runs of this agent (native, oracle)")
    curate_filters.add_argument("--from-model", dest="from_model", help="only runs of this model")
    curate_filters.add_argument("--suite-run", help="only runs of this suite run")
    curate_filters.add_argument("--task-prefix", help="only tasks whose id starts with this")

    sft_opts = argparse.ArgumentParser(add_help=False)
    sft_opts.add_argument("--epochs", type=float, default=1.0)
    sft_opts.add_argument("--lr", type=float, default=2e-5)
    sft_opts.add_argument("--max-length", type=int, default=8192)
    sft_opts.add_argument("--batch-size", type=int, default=1)
    sft_opts.add_argument("--grad-accum", type=int, default=1)
    sft_opts.add_argument("--max-steps", type=int, default=-1)
    sft_opts.add_argument("--job-dir", help=argparse.SUPPRESS)

    p = sub.add_parser("curate", parents=[db, curate_filters], help="write the best stored trajectories as an SFT dataset")
    p.add_argument("--out", required=True, help="JSONL file to write")
    p.set_defaults(func=cmd_curate)

    train = sub.add_parser("train", help="fine-tune on curated trajectories")
    tsub = train.add_subparsers(dest="train_command", metavar="ACTION", required=True)

    p = tsub.add_parser("sft", parents=[sft_opts], help="SFT (TRL) on a curated JSONL, loss on assistant turns only")
    p.add_argument("--data", required=True)
    p.add_argument("--model", required=True, help="base model: a hub name (e.g. Qwen/Qwen3-0.6B) or a local folder")
    p.add_argument("--out", required=True)
    p.set_defaults(func=cmd_sft)

    p = tsub.add_parser("tiny-model", help="build a tiny local Qwen3-architecture model for offline runs")
    p.add_argument("--data", required=True, help="curated JSONL to train the tokenizer on")
    p.add_argument("--out", required=True)
    p.set_defaults(func=cmd_tiny)

    p = tsub.add_parser("run", parents=[db, curate_filters, sft_opts], help="curate from the store, then SFT")
    base = p.add_mutually_exclusive_group(required=True)
    base.add_argument("--model", help="base model: hub name or local folder")
    base.add_argument("--tiny", action="store_true", help="build and train a tiny local model (offline)")
    p.add_argument("--out", help="output folder (default: the job folder with --background)")
    p.add_argument("--background", action="store_true", help="run as a detached job (see `clawbench train jobs`)")
    p.set_defaults(func=cmd_run)

    p = tsub.add_parser("jobs", parents=[db], help="list training jobs with their state and loss")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_jobs)


def _db_path(args):
    from store import default_db_path

    return Path(args.db) if getattr(args, "db", None) else default_db_path()


def _curate(args, out: Path):
    from core.curate import curate

    from .cli import open_store

    return curate(open_store(args), out, min_score=args.min_score, solved_only=not args.include_unsolved,
                  agent=args.agent, model=args.from_model, suite_run_id=args.suite_run, task_prefix=args.task_prefix)


def _print_curation(report) -> None:
    dropped = ", ".join(f"{n} {why}" for why, n in report.dropped.items()) or "none"
    print(f"curated {report.kept} of {report.considered} runs into {report.path} (dropped: {dropped})")


def cmd_curate(args) -> int:
    report = _curate(args, Path(args.out))
    _print_curation(report)
    return 0 if report.kept else 1


def _sft_options(args) -> dict:
    return dict(epochs=args.epochs, learning_rate=args.lr, max_length=args.max_length, batch_size=args.batch_size,
                grad_accum=args.grad_accum, max_steps=args.max_steps)


def _require_training_extra() -> None:
    try:
        import torch  # noqa: F401
        import transformers  # noqa: F401
        import trl  # noqa: F401
    except ImportError as e:
        raise ValueError(f"training needs the 'train' extra ({e.name} is missing): pip install -e '.[train]'") from None


def _report_sft(result) -> None:
    print(f"trained {result.examples} trajectories, {result.steps} steps in {result.seconds:.1f} s: "
          f"loss {result.first_loss:.4f} -> {result.last_loss:.4f} (mean {result.train_loss:.4f}); "
          f"weights in {result.output_dir / 'final'}")


def _as_job(args, body) -> int:
    """Run body(); when launched as a job, record how it ended in the job folder."""
    from core.train.jobs import write_status

    try:
        summary = body()
    except BaseException as e:
        if args.job_dir:
            write_status(args.job_dir, "failed", error=f"{type(e).__name__}: {e}")
        if isinstance(e, (ValueError, KeyboardInterrupt)):
            raise
        traceback.print_exc()
        return 1
    if args.job_dir:
        write_status(args.job_dir, "finished", **(summary or {}))
    return 0


def cmd_sft(args) -> int:
    _require_training_extra()
    from core.train.sft import train_sft

    def body():
        result = train_sft(args.data, args.model, args.out, **_sft_options(args))
        _report_sft(result)
        return {"steps": result.steps, "last_loss": result.last_loss}

    return _as_job(args, body)


def cmd_tiny(args) -> int:
    _require_training_extra()
    from core.train.tiny import build_tiny_model

    print(f"built {build_tiny_model(args.data, args.out)}")
    return 0


def cmd_run(args) -> int:
    from core.train.jobs import jobs_dir, launch

    if args.background:
        argv = [a for a in sys.argv[1:] if a != "--background"]
        if "--db" not in argv and getattr(args, "db", None):
            argv += ["--db", str(args.db)]
        job = launch(jobs_dir(_db_path(args)), argv, label=f"{'tiny' if args.tiny else args.model}")
        print(f"job {job.id} started (pid {job.pid}); log: {job.log_path}")
        return 0
    _require_training_extra()
    out = Path(args.out or args.job_dir or "")
    if not str(out):
        raise ValueError("train run: --out is required (or --background, which uses the job folder)")

    def body():
        from core.train.sft import train_sft
        from core.train.tiny import build_tiny_model

        out.mkdir(parents=True, exist_ok=True)
        report = _curate(args, out / "data.jsonl")
        _print_curation(report)
        if not report.kept:
            raise ValueError("no trajectories passed curation: lower --min-score or run more tasks first")
        model = args.model
        if args.tiny:
            model = str(build_tiny_model(out / "data.jsonl", out / "tiny-base"))
            print(f"built tiny base model in {model}")
        result = train_sft(out / "data.jsonl", model, out, **_sft_options(args))
        _report_sft(result)
        return {"steps": result.steps, "last_loss": result.last_loss, "examples": result.examples}

    return _as_job(args, body)


def cmd_jobs(args) -> int:
    from core.train.jobs import jobs_dir, list_jobs

    jobs = list_jobs(jobs_dir(_db_path(args)))
    rows = []
    for job in jobs:
        losses = job.losses()
        rows.append({"id": job.id, "label": job.label, "state": job.status()["state"], "steps": len(losses),
                     "last_loss": losses[-1] if losses else None, "path": str(job.path)})
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    print(f"{'job':<24} {'state':<9} {'steps':>5} {'loss':>8}  label")
    for r in rows:
        loss = "-" if r["last_loss"] is None else f"{r['last_loss']:.4f}"
        print(f"{r['id']:<24} {r['state']:<9} {r['steps']:>5} {loss:>8}  {r['label']}")
    return 0
