"""`clawbench synth`: generate and validate tasks (core.synth), `synth stats DIR`, `synth list`.

Progress goes to stderr (one updating line on a terminal, a line every few seconds otherwise);
the summary to stdout.
"""
from __future__ import annotations

import argparse
import json
import sys
import threading
import time

EXIT_INTERRUPTED = 130


def register(sub, db_parent: argparse.ArgumentParser) -> None:
    p = sub.add_parser("synth", help="synthesize verified tasks (persona and skill routes, procedural or LLM engine)",
                       description="Generate tasks through the four stages and keep those that pass the quality gate "
                                   "(oracle 100, null unsolved, mutants fail, no duplicates). Re-running the same "
                                   "command on the same --out resumes it.")
    p.add_argument("--route", default="both", choices=["persona", "skill", "both"])
    p.add_argument("--count", type=int, default=10, help="accepted tasks wanted (default 10)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--model", help="draft with this litellm model (LLM engine); default: the procedural engine")
    p.add_argument("--review-model", help="litellm model for the ambiguity review (default: no review)")
    p.add_argument("--repair-rounds", type=int, default=1,
                   help="LLM engine: send a rejected draft back to the model with the gate's reasons up to N times "
                        "(default 1; 0: never)")
    p.add_argument("-j", "--jobs", type=int, default=1, help="worker processes (default 1)")
    p.add_argument("--out", help="output folder (task folders + manifest.jsonl)")
    p.add_argument("--families", help="comma-separated scenario families (default: all; see `synth list`)")
    p.add_argument("--sandbox", default="bwrap", choices=["auto", "bwrap", "docker"],
                   help="sandbox backend for validation (default bwrap: milliseconds per sandbox)")
    p.add_argument("--max-items", type=int, help="give up after planning this many items (default 3 x count + 20)")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.set_defaults(func=cmd_synth)
    sp = p.add_subparsers(dest="synth_command", metavar="ACTION")
    s = sp.add_parser("stats", help="distributions of a synth output folder")
    s.add_argument("dir", metavar="DIR")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_synth_stats)
    lst = sp.add_parser("list", help="list scenario families, skills or personas")
    lst.add_argument("what", nargs="?", default="families", choices=["families", "skills", "personas"])
    lst.set_defaults(func=cmd_synth_list)


class _Progress:
    def __init__(self, stream=None):
        stream = stream or sys.stderr   # looked up now: sys.stderr may have been replaced since import
        self.stream, self.tty = stream, stream.isatty()
        self.last = 0.0

    def __call__(self, p) -> None:
        now = time.monotonic()
        done = p.last is not None and p.accepted >= p.target
        if not self.tty and now - self.last < 2.0 and not done:
            return
        self.last = now
        rate = p.planned / p.elapsed_s if p.elapsed_s else 0.0
        line = (f"synth: {p.accepted}/{p.target} accepted, {p.rejected} rejected, {rate:.1f} items/s"
                + (f"  last: {p.last['id']} {p.last['status']}" if p.last else ""))
        print(("\r" + line.ljust(110)) if self.tty else line, end="" if self.tty else "\n", file=self.stream, flush=True)

    def close(self) -> None:
        if self.tty:
            print(file=self.stream)


def cmd_synth(args) -> int:
    from pathlib import Path

    from core.synth import SynthConfig, synthesize

    if not args.out:
        raise ValueError("--out is required (the folder that receives the tasks and manifest.jsonl)")
    families = tuple(f.strip() for f in args.families.split(",") if f.strip()) if args.families else None
    cfg = SynthConfig(out=Path(args.out), count=args.count, seed=args.seed, route=args.route, jobs=args.jobs,
                      model=args.model, review_model=args.review_model, families=families, sandbox=args.sandbox,
                      max_items=args.max_items, repair_rounds=args.repair_rounds)
    progress = _Progress()
    cancel = threading.Event()
    try:
        summary = synthesize(cfg, on_progress=progress, cancel=cancel)
    finally:
        progress.close()
    stage_rates = {k: round(v, 3) for k, v in summary.stage_seconds.items() if v}
    if args.json:
        print(json.dumps({"out": str(summary.out), "accepted": summary.accepted, "rejected": summary.rejected,
                          "resumed_records": summary.skipped, "processed": summary.processed,
                          "wall_s": round(summary.wall_s, 3), "stage_seconds": stage_rates, "stopped": summary.stopped},
                         indent=2))
    else:
        print(f"{summary.accepted} accepted, {summary.rejected} rejected in {summary.out} "
              f"({summary.processed} processed in {summary.wall_s:.1f} s"
              + (f", {summary.skipped} already in the manifest" if summary.skipped else "") + ")")
        print(f"see `clawbench synth stats {summary.out}`")
    if summary.stopped:
        return EXIT_INTERRUPTED
    return 0 if summary.accepted >= args.count else 1


def cmd_synth_stats(args) -> int:
    from core.synth import render_stats, stats

    data = stats(args.dir)
    print(json.dumps(data, indent=2) if args.json else render_stats(data))
    return 0


def cmd_synth_list(args) -> int:
    if args.what == "families":
        from core.synth import FAMILY_LIST

        for f in FAMILY_LIST:
            print(f"{f.name:<22} {f.domain:<13} {f.summary}")
            print(f"{'':<22} {'':<13} skills: {', '.join(f.skills)}"
                  + (f"; optional: {', '.join(f.optional_skills)}" if f.optional_skills else ""))
    elif args.what == "skills":
        from core.synth import load_skills

        for s in load_skills().values():
            print(f"{s.name:<22} {', '.join(s.inputs) or '-':>14} -> {', '.join(s.outputs) or '-':<14} {s.description}")
    else:
        from core.synth.personas import ARCHETYPES

        for a in ARCHETYPES:
            print(f"{a.id:<22} {a.role} ({a.sector}); intents: {', '.join(a.intents)}")
    return 0
