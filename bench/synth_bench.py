"""Synthesis throughput: generate and fully validate N tasks (default 1,000) with the procedural
engine on -j worker processes (default 2), through the real pipeline: every task written, loaded
with load_task, its null run, oracle and every mutant applied and verified in a real bwrap sandbox,
duplicates checked, the manifest written.

Prints, per stage, the time spent (summed over workers, i.e. CPU-side seconds), ms per item and
items/s per worker and for the pool, then the wall-clock throughput of accepted tasks and the
projected wall time for 13,500 tasks at that rate.

    python bench/synth_bench.py [--count 1000] [--jobs 2] [--seed 0] [--out DIR] [--keep]
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.synth import SynthConfig, stats, synthesize  # noqa: E402
from core.synth.pipeline import STAGES  # noqa: E402

TARGET = 13_500
STAGE_LABELS = {
    "task_generation": "1 task generation",
    "resource_preparation": "2 resource preparation",
    "verification_design": "3 verification design",
    "write_and_load": "  write folder + load_task",
    "quality_sandbox": "4 gate: sandbox (null, oracle, mutants)",
    "quality_review": "4 gate: LLM review",
    "dedupe": "4 gate: fingerprint + duplicates",
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--route", default="both")
    ap.add_argument("--out", help="output folder (default: a temporary one, deleted afterwards)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary output folder")
    args = ap.parse_args()
    out = Path(args.out) if args.out else Path(tempfile.mkdtemp(prefix="synth-bench-"))
    if args.out and out.exists() and any(out.iterdir()):
        print(f"--out {out} is not empty; the bench needs a fresh folder", file=sys.stderr)
        return 2
    print(f"synth bench: {args.count} tasks, -j {args.jobs}, seed {args.seed}, route {args.route}, "
          f"{os.cpu_count()} CPUs, out {out}", flush=True)
    started = time.perf_counter()
    last = [0.0]

    def progress(p) -> None:
        now = time.perf_counter()
        if now - last[0] >= 10:
            last[0] = now
            print(f"  {p.accepted}/{p.target} accepted after {now - started:.0f} s", flush=True)

    summary = synthesize(SynthConfig(out=out, count=args.count, seed=args.seed, jobs=args.jobs, route=args.route),
                         on_progress=progress)
    wall = time.perf_counter() - started
    processed = summary.processed
    s = stats(out)

    print(f"\n{'stage':<42} {'seconds':>9} {'ms/item':>9} {'items/s/worker':>15} {'items/s (x' + str(args.jobs) + ')':>15}")
    total = 0.0
    for stage in STAGES:
        seconds = summary.stage_seconds.get(stage, 0.0)
        if not seconds:
            continue
        total += seconds
        per = processed / seconds
        print(f"{STAGE_LABELS[stage]:<42} {seconds:>9.1f} {1000 * seconds / processed:>9.2f} {per:>15.1f} "
              f"{per * args.jobs:>15.1f}")
    print(f"{'all stages':<42} {total:>9.1f} {1000 * total / processed:>9.2f} {processed / total:>15.1f} "
          f"{processed * args.jobs / total:>15.1f}")

    rate = summary.accepted / wall
    projected = TARGET / rate
    print(f"\nitems processed {processed}: {summary.accepted} accepted, {summary.rejected} rejected "
          f"({100 * s['acceptance_rate']:.1f}% accepted)")
    print(f"wall {wall:.1f} s -> {rate:.1f} accepted tasks/s")
    print(f"projected for {TARGET:,} tasks: {projected:.0f} s ({projected / 60:.1f} min)"
          f" {'<' if projected < 1800 else '>='} 30 min")
    print(f"domains: {s['domains']}")
    print(f"rejections: {s['rejection_reasons'] or 'none'}")
    if not args.out and not args.keep:
        shutil.rmtree(out, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
