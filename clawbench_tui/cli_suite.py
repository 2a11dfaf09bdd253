"""Suite commands: `clawbench bench`, `clawbench report`, `clawbench suite validate|runs`.

Thin shells over core.suite and core.report (the TUI's Bench screen calls the same functions):
progress goes to stderr a line per finished run, the report to stdout.
"""
from __future__ import annotations

import argparse
import json
import sys
import threading

SANDBOXES = ["auto", "docker", "bwrap"]
EXIT_INTERRUPTED = 130


def register(sub, db_parent: argparse.ArgumentParser) -> None:
    p = sub.add_parser("bench", parents=[db_parent], help="run a whole suite, store every run, print a report",
                       description="Run every task of a suite (times --samples) in a bounded pool of sandboxes. "
                                   "Re-running the same command resumes an interrupted suite run.")
    p.add_argument("--suite", help="a folder of tasks, or a built-in suite name (e.g. examples, clawbench-200)")
    p.add_argument("--agent", choices=["native", "oracle", "null"])
    p.add_argument("--model", help="litellm model string for --agent native")
    p.add_argument("--judge", help="litellm model that judges rubric items (omitted: rubric stays unjudged)")
    p.add_argument("--samples", type=int, help="runs per task (K); pass@k is reported when K > 1 (default 1)")
    p.add_argument("-j", "--jobs", type=int, default=1, help="sandboxes running at once (default 1)")
    p.add_argument("--model-concurrency", type=int,
                   help="model calls in flight at once across all runs (default: no limit beyond -j)")
    p.add_argument("--sandbox", default="auto", choices=SANDBOXES)
    p.add_argument("--resume", metavar="SUITE_RUN_ID", help="resume this suite run (its settings are the defaults)")
    p.add_argument("--new", action="store_true", help="start a new suite run even if an unfinished one matches")
    p.add_argument("--json", action="store_true", help="print the result and report as JSON")
    p.set_defaults(func=cmd_bench)

    p = sub.add_parser("report", parents=[db_parent], help="render a suite run's report, or compare two")
    p.add_argument("suite_run_id", metavar="SUITE_RUN_ID")
    p.add_argument("--vs", metavar="OTHER", help="compare against this suite run (deltas are OTHER minus SUITE_RUN_ID)")
    p.add_argument("--format", default="table", choices=["table", "markdown", "json"])
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("suite", help="validate suites, list suite runs")
    sp = p.add_subparsers(dest="suite_command", metavar="ACTION", required=True)
    v = sp.add_parser("validate", parents=[db_parent],
                      help="check every task: loads, oracle solves it, null does not, every mutant fails",
                      description="Validation runs go to a scratch database that is deleted afterwards, "
                                  "unless --db is given.")
    v.add_argument("suite", metavar="SUITE", help="a folder of tasks, or a built-in suite name")
    v.add_argument("-j", "--jobs", type=int, default=1, help="sandboxes running at once (default 1)")
    v.add_argument("--sandbox", default="auto", choices=SANDBOXES)
    v.add_argument("--json", action="store_true")
    v.set_defaults(func=cmd_suite_validate)
    r = sp.add_parser("runs", parents=[db_parent], help="list suite runs")
    r.add_argument("--limit", type=int, default=30)
    r.add_argument("--json", action="store_true")
    r.set_defaults(func=cmd_suite_runs)


# ------------------------------------------------------------------ bench

def _bench_settings(args, store) -> dict:
    """The suite run's settings: the flags, with a --resume'd suite run's own settings as defaults."""
    if args.resume and args.new:
        raise ValueError("--new starts a new suite run and --resume continues one; give only one of them")
    settings = {"suite": args.suite, "agent": args.agent, "model": args.model, "judge": args.judge,
                "samples": args.samples}
    if args.resume:
        row = store.get_suite_run(args.resume)
        if row is None:
            raise ValueError(f"--resume: no suite run {args.resume!r} in {store.path} (see `clawbench suite runs`)")
        stored = {"suite": row["suite_path"], "agent": row["agent"], "model": row["model"], "judge": row["judge"],
                  "samples": row["samples"]}
        settings = {k: stored[k] if v is None else v for k, v in settings.items()}
    if not settings["suite"]:
        raise ValueError("--suite is required (a folder of tasks or a built-in suite name), unless --resume is given")
    if not settings["agent"]:
        raise ValueError("--agent is required (native, oracle or null), unless --resume is given")
    settings["samples"] = 1 if settings["samples"] is None else settings["samples"]
    return settings


def _progress_line(p) -> str:
    r = p.result
    width = len(str(p.total))
    score = "  -  " if r.score is None else f"{r.score:5.1f}"
    verdict = "solved" if r.solved else "      "
    line = (f"[{p.done:>{width}}/{p.total}] {r.status:<9} {p.task.id} #{p.sample}  {score} {verdict} "
            f"{r.duration_s:6.1f}s  eta {_duration(p.eta_s)}")
    if r.error:
        line += f"  ({r.error.splitlines()[0][:120]})"
    return line


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    return f"{seconds // 60}m{seconds % 60:02d}s" if seconds >= 60 else f"{seconds}s"


def cmd_bench(args) -> int:
    from core.report import render_report, suite_report
    from core.suite import load_suite, run_suite

    from .cli import open_store

    store = open_store(args)
    settings = _bench_settings(args, store)
    suite, tasks, errors = load_suite(settings["suite"])
    for e in errors:
        print(f"skipped (does not load): {e}", file=sys.stderr)
    cancel = threading.Event()

    def on_start(plan) -> None:
        verb = "resuming" if plan.resumed else "starting"
        print(f"{verb} suite run {plan.suite_run_id}: {suite.name}, {len(tasks)} task(s) x {settings['samples']}, "
              f"{plan.total} run(s) to do" + (f", {plan.skipped} already done" if plan.skipped else "")
              + f", -j {args.jobs} on {plan.backend}", file=sys.stderr)

    def on_run_done(progress) -> None:
        print(_progress_line(progress), file=sys.stderr, flush=True)

    try:
        result = run_suite(store, tasks, suite=suite, agent=settings["agent"], model=settings["model"],
                           judge=settings["judge"], samples=settings["samples"], jobs=args.jobs,
                           model_concurrency=args.model_concurrency, sandbox=args.sandbox, resume=args.resume,
                           new=args.new, on_start=on_start, on_run_done=on_run_done, cancel=cancel,
                           load_errors=errors)
    except KeyboardInterrupt:   # before the pool started: nothing to close
        return EXIT_INTERRUPTED
    report = suite_report(store, result.suite_run_id)
    if args.json:
        print(json.dumps({"suite_run_id": result.suite_run_id, "status": result.status, "resumed": result.resumed,
                          "skipped": result.skipped, "ran": len(result.results), "wall_s": round(result.wall_s, 3),
                          "report": report.to_dict()}, indent=2, default=str))
    else:
        print(render_report(report, "table"))
    if result.status != "finished":
        print(f"suite run {result.suite_run_id} is incomplete ({report.missing_runs} run(s) missing); "
              f"resume with: clawbench bench --resume {result.suite_run_id}", file=sys.stderr)
        return EXIT_INTERRUPTED if cancel.is_set() else 1
    return 0


# ------------------------------------------------------------------ report

def cmd_report(args) -> int:
    from core.report import compare_reports, render_comparison, render_report, suite_report

    from .cli import open_store

    store = open_store(args)
    store.mark_interrupted_suite_runs()
    report = suite_report(store, args.suite_run_id)
    if args.vs:
        try:
            other = suite_report(store, args.vs)
        except ValueError:
            raise ValueError(f"--vs: no suite run {args.vs!r} in {store.path} (see `clawbench suite runs`)") from None
        print(render_comparison(compare_reports(report, other), args.format))
    else:
        print(render_report(report, args.format))
    return 0


# ------------------------------------------------------------------ suite validate / runs

def cmd_suite_validate(args) -> int:
    from core.suite import load_suite, validate_suite

    from .cli import open_store

    try:
        suite, tasks, errors = load_suite(args.suite)
    except ValueError as e:
        raise ValueError(str(e).replace("--suite", "SUITE", 1)) from None
    store = open_store(args) if args.db else None   # default: a scratch database, deleted afterwards
    total, seen = len(tasks) + len(errors), []
    cancel = threading.Event()

    def on_task_done(v) -> None:
        seen.append(v)
        print(f"[{len(seen):>{len(str(total))}}/{total}] {v.task_id}: {'valid' if v.valid else 'INVALID'}",
              file=sys.stderr, flush=True)

    print(f"validating {suite.name}: {total} task(s), -j {args.jobs}", file=sys.stderr)
    results = validate_suite(tasks, errors=errors, store=store, sandbox=args.sandbox, jobs=args.jobs,
                             on_task_done=on_task_done, cancel=cancel)
    invalid = [v for v in results if not v.valid]
    if args.json:
        print(json.dumps({"suite": suite.name, "path": str(suite.path), "tasks": len(results),
                          "valid": len(results) - len(invalid), "invalid": len(invalid),
                          "results": [v.to_dict() for v in results]}, indent=2, default=str))
    else:
        print(_validation_table(results))
        print(f"{len(results)} task(s): {len(results) - len(invalid)} valid, {len(invalid)} invalid")
    if cancel.is_set():
        return EXIT_INTERRUPTED
    return 1 if invalid else 0


def _validation_table(results) -> str:
    def score(run) -> str:
        if run is None:
            return "-"
        if run.status != "finished":
            return run.status
        return f"{run.score:.1f}{'*' if run.solved else ''}"

    rows = [["task", "oracle", "null", "mutants", "verdict"]]
    for v in results:
        verdict = "valid" if v.valid else "INVALID: " + "; ".join(v.reasons)
        mutants = f"{v.mutants_failing}/{len(v.mutants)}" if v.load_error is None else "-"
        rows.append([v.task_id, score(v.oracle), score(v.null), mutants, verdict])
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = ["  ".join([r[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(r[1:4], widths[1:])] + [r[4]])
             for r in rows]
    lines.append("(oracle/null: score, * = solved; mutants: failing/total, all must fail)")
    return "\n".join(lines)


def cmd_suite_runs(args) -> int:
    from .cli import open_store

    store = open_store(args)
    store.mark_interrupted_suite_runs()
    rows = store.list_suite_runs(limit=args.limit)
    if args.json:
        print(json.dumps(rows, indent=2, default=str))
        return 0
    print(f"{'suite run':<25} {'suite':<16} {'agent':<8} {'model':<24} {'K':>2} {'status':<11}")
    for r in rows:
        print(f"{r['id']:<25} {r['suite']:<16} {r['agent']:<8} {(r['model'] or '-'):<24} {r['samples']:>2} "
              f"{r['status']:<11}")
    return 0
