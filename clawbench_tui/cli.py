"""The `clawbench` command. With no sub-command it opens the Textual app; every sub-command is
a thin shell over a `core` function that the app calls too."""
from __future__ import annotations

import argparse
import importlib
import json
import sys
from pathlib import Path

EXIT_USAGE = 2
# Command groups that live in their own modules: each has register(subparsers, db_parent).
COMMAND_MODULES: tuple[str, ...] = (
    "clawbench_tui.cli_suite",   # bench, report, suite validate|runs
    "clawbench_tui.cli_interop",  # import (ClawGym / PinchBench tasks), import-run (ATIF)
    "clawbench_tui.cli_train",   # curate, train sft|tiny-model|run|jobs
    "clawbench_tui.cli_synth",   # synth, synth stats|list
)


def open_store(args):
    """The store a command works on (--db / $CLAWBENCH_DB / XDG default), with dead runs marked."""
    from store import Store

    store = Store(args.db)
    store.mark_interrupted_runs()
    return store


def _db_parent() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(add_help=False)
    p.add_argument("--db", default=argparse.SUPPRESS,
                   help="SQLite database (default: $CLAWBENCH_DB or the XDG data dir)")
    return p


def build_parser() -> argparse.ArgumentParser:
    db = _db_parent()
    parser = argparse.ArgumentParser(prog="clawbench", parents=[db],
                                     description="A terminal workbench for Claw-style personal agents.")
    parser.add_argument("--tasks", metavar="PATH", default=None,
                        help="open the app on the tasks under PATH (a suite, a `clawbench synth` output, a ClawGym "
                             "or PinchBench set) instead of the built-in suites")
    parser.set_defaults(func=cmd_app)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("run", parents=[db], help="run one task in a sandbox, verify and store it")
    p.add_argument("task", help="a task folder, or the id of a built-in task")
    p.add_argument("--agent", default="oracle", choices=["native", "oracle", "null"])
    p.add_argument("--model", help="litellm model string for --agent native (e.g. openai/gpt-4.1, scripted/demo)")
    p.add_argument("--judge", help="litellm model that judges rubric items (omitted: rubric stays unjudged)")
    p.add_argument("--sandbox", default="auto", choices=["auto", "docker", "bwrap"])
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("tasks", parents=[db], help="list tasks under a folder (default: the built-in suites)")
    p.add_argument("path", nargs="?")
    p.add_argument("--filter", default="", help="fuzzy filter over suite, id, title, domain, capabilities")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_tasks)

    p = sub.add_parser("runs", parents=[db], help="list stored runs")
    p.add_argument("--filter", default="", help="words that must all appear in id/task/agent/model/status")
    p.add_argument("--sort", default="started", help="run, task, agent, model, score, solved, turns, tokens, duration, status, started")
    p.add_argument("--asc", action="store_true", help="ascending order")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_runs)

    p = sub.add_parser("compare", parents=[db], help="compare two stored runs check by check")
    p.add_argument("run_a")
    p.add_argument("run_b")
    p.set_defaults(func=cmd_compare)

    p = sub.add_parser("replay", parents=[db], help="open the app on a stored run")
    p.add_argument("run_id")
    p.set_defaults(func=cmd_replay)

    p = sub.add_parser("show", parents=[db], help="print a stored run as a readable transcript")
    p.add_argument("run_id")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("export", parents=[db], help="export a stored run")
    p.add_argument("run_id")
    p.add_argument("--format", default="openai", choices=["openai", "markdown", "atif"],
                   help="openai (messages + tools), markdown, or atif (ATIF v1.4 trajectory JSON)")
    p.add_argument("-o", "--output", help="write to this file instead of stdout")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("sandbox", help="manage sandboxes")
    sp = p.add_subparsers(dest="sandbox_command", metavar="ACTION", required=True)
    g = sp.add_parser("gc", help="remove leaked clawbench containers (dead owner, expired, or --all)")
    g.add_argument("--all", action="store_true", help="remove every clawbench container")
    g.set_defaults(func=cmd_sandbox_gc)
    b = sp.add_parser("build-image", help="build the default docker sandbox image")
    b.add_argument("--offline", action="store_true", help="debootstrap + docker import (no registry needed)")
    b.add_argument("--tag", default=None)
    b.add_argument("--mirror", default=None, help="Debian mirror for --offline (default: this machine's apt source)")
    b.add_argument("--force", action="store_true", help="rebuild even when the image exists (--offline)")
    b.set_defaults(func=cmd_sandbox_build)
    s = sp.add_parser("status", help="say which backends are usable here, and why not")
    s.set_defaults(func=cmd_sandbox_status)

    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub, db)
    return parser


# ------------------------------------------------------------------ commands

def cmd_app(args) -> int:
    from .app import ClawBenchApp

    root = getattr(args, "tasks", None)
    if root is not None and not Path(root).exists():
        raise ValueError(f"--tasks {root}: no such file or folder")
    ClawBenchApp(db_path=getattr(args, "db", None), task_root=root).run()
    return 0


def cmd_run(args) -> int:
    from core.runner import run_task
    from core.task import resolve_task

    task = resolve_task(args.task)
    store = open_store(args)
    result = run_task(task, store, agent=args.agent, model=args.model, judge=args.judge, sandbox=args.sandbox)
    if args.json:
        print(json.dumps(result.to_dict(), indent=2, default=str))
    else:
        print(f"run      {result.run_id}")
        print(f"task     {task.id}  ({task.domain}, {task.difficulty})")
        print(f"status   {result.status}" + (f"  ({result.error})" if result.error else ""))
        print(f"score    {result.score if result.score is not None else '-'}")
        print(f"solved   {'yes' if result.solved else 'no'}")
        o = result.outcome
        print(f"turns    {o.turns}   tokens {o.tokens_in}+{o.tokens_out}   cost ${o.cost:.4f}   {result.duration_s:.2f} s")
        if result.verdict:
            print("checks")
            for c in result.verdict.checks:
                line = f"  {'PASS' if c.passed else 'FAIL'}  {c.id:<28} {c.description}"
                if not c.passed:
                    line += f"\n        observed {c.observed!r}, expected {c.expected!r}" + (f": {c.message}" if c.message else "")
                print(line)
            for r in result.verdict.rubric:
                state = f"{r.score:.2f}" if r.judged else "unjudged"
                print(f"  {'RUBR':<4}  {r.id:<28} {state}  {r.reason[:100]}")
    return 0 if result.status == "finished" else 1


def cmd_tasks(args) -> int:
    from core.catalog import filter_entries, load_catalog
    from core.task import default_task_root

    root = Path(args.path) if args.path else default_task_root()
    if not root.exists():
        raise ValueError(f"tasks PATH: {root} does not exist")
    entries, errors = load_catalog(root)
    tasks = [e.task for e in filter_entries(entries, args.filter)]
    if args.json:
        print(json.dumps([{"id": t.id, "title": t.title, "domain": t.domain, "difficulty": t.difficulty,
                           "capabilities": list(t.capabilities), "checks": len(t.checks), "path": str(t.path)}
                          for t in tasks], indent=2))
    else:
        print(f"{'id':<32} {'domain':<13} {'difficulty':<10} {'checks':>6}  title")
        for t in tasks:
            print(f"{t.id:<32} {t.domain:<13} {t.difficulty:<10} {len(t.checks):>6}  {t.title}")
        print(f"{len(tasks)} task(s) under {root}")
    for e in errors:
        print(f"skipped: {e}", file=sys.stderr)
    return 0 if not errors else 1


def cmd_runs(args) -> int:
    from core.runs import run_rows

    store = open_store(args)
    runs = run_rows(store, args.filter, args.sort, descending=not args.asc)[: args.limit]
    if args.json:
        print(json.dumps(runs, indent=2, default=str))
        return 0
    print(f"{'run':<24} {'task':<28} {'agent':<8} {'status':<11} {'score':>6} solved")
    for r in runs:
        score = "-" if r["score"] is None else f"{r['score']:.1f}"
        print(f"{r['id']:<24} {r['task_id']:<28} {r['agent']:<8} {r['status']:<11} {score:>6} {'yes' if r['solved'] else 'no'}")
    return 0


def cmd_compare(args) -> int:
    from core.runs import compare_runs

    cmp = compare_runs(open_store(args), args.run_a, args.run_b)
    if not cmp.same_task:
        print(f"note: different tasks ({cmp.a['task_id']} vs {cmp.b['task_id']})")
    for label, r in (("A", cmp.a), ("B", cmp.b)):
        score = "-" if r["score"] is None else f"{r['score']:.1f}"
        print(f"{label}  {r['id']}  {r['agent']}/{r['model']}  score {score}  solved {'yes' if r['solved'] else 'no'}"
              f"  turns {r['turns']}  tokens {(r['tokens_in'] or 0) + (r['tokens_out'] or 0)}")
    mark = {True: "PASS", False: "FAIL", None: "  - "}
    for d in cmp.checks:
        flag = " <>" if d.differs else ""
        print(f"  {mark[d.a]}  {mark[d.b]}  {d.name:<28} {d.description[:60]}{flag}")
    return 0


def cmd_replay(args) -> int:
    from .app import ClawBenchApp

    store = open_store(args)
    run = run_or_fail(store, args.run_id)
    store.close()
    ClawBenchApp(db_path=getattr(args, "db", None), replay_run=run["id"]).run()
    return 0


def run_or_fail(store, run_id: str) -> dict:
    run = store.get_run(run_id)
    if run is None:
        raise ValueError(f"RUN_ID: no stored run {run_id!r} in {store.path} (see `clawbench runs`)")
    return run


def cmd_show(args) -> int:
    from core.export import transcript_lines

    store = open_store(args)
    run = run_or_fail(store, args.run_id)
    for line in transcript_lines(store, run["id"]):
        print(line)
    return 0


def cmd_export(args) -> int:
    from core.export import export_markdown, export_openai

    store = open_store(args)
    run = run_or_fail(store, args.run_id)
    if args.format == "atif":
        from core.interop.atif import export_atif

        text = json.dumps(export_atif(store, run["id"]), indent=2, ensure_ascii=False)
    else:
        text = (json.dumps(export_openai(store, run["id"]), indent=2, ensure_ascii=False)
                if args.format == "openai" else export_markdown(store, run["id"]))
    if args.output:
        Path(args.output).write_text(text + "\n", encoding="utf-8")
        print(f"wrote {args.output}")
    else:
        print(text)
    return 0


def cmd_sandbox_gc(args) -> int:
    from sandbox import gc

    removed = gc(all=args.all)
    print(f"removed {len(removed)} leaked sandbox(es)" + (": " + ", ".join(removed) if removed else ""))
    return 0


def cmd_sandbox_build(args) -> int:
    from sandbox import DEFAULT_IMAGE
    from sandbox.image import build_image, build_image_offline

    tag = args.tag or DEFAULT_IMAGE
    if args.offline:
        build_image_offline(tag=tag, mirror=args.mirror, force=args.force)
    else:
        build_image(tag=tag)
    print(f"built {tag}")
    return 0


def cmd_sandbox_status(args) -> int:
    from sandbox import backend_problem

    usable = 0
    for name in ("docker", "bwrap"):
        problem = backend_problem(name)
        usable += problem is None
        print(f"{name:<7} {'ok' if problem is None else problem}")
    return 0 if usable else 1


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "db"):
        args.db = None
    from core.task import TaskError
    from sandbox import SandboxError

    try:
        return args.func(args)
    except (TaskError, SandboxError, ValueError) as e:
        print(f"clawbench: error: {e}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("clawbench: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
