"""Suite throughput: a whole suite with the oracle agent at -j 1, 2 and 4, on each available
sandbox backend, through the real suite runner and a real SQLite store.

For each configuration it prints tasks/s and where the time goes:
  exec share     time inside sandbox execs (the oracle's exec tool calls; RunResult.exec_s) as a share of
                 the pool's wall time (wall x j); "outside execs" is the rest: sandbox create/destroy,
                 file tools, snapshots, verification (check scripts), SQLite, scheduling and idle slots
  phases         each run's time split by its events: setup (sandbox create + initial snapshot, up to the
                 agent's first step), agent (its steps, execs included), verify (checks, then destroy)
  create/destroy sandbox create + destroy per run, timed separately on the same workspaces

    python bench/suite_bench.py [--suite examples|clawbench-200|PATH] [--jobs 1 2 4] [--backends bwrap docker]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core import events as ev  # noqa: E402
from core.suite import load_suite, run_suite  # noqa: E402
from sandbox import backend_problem, create_sandbox  # noqa: E402
from store import Store  # noqa: E402


def time_create_destroy(tasks, backend: str, limit: int = 20) -> tuple[float, float]:
    """Median seconds to create and to destroy a sandbox holding a task's workspace."""
    creates, destroys = [], []
    for task in tasks[:limit]:
        started = time.perf_counter()
        box = create_sandbox(task.workspace_dir, backend=backend)
        created = time.perf_counter()
        box.destroy()
        creates.append(created - started)
        destroys.append(time.perf_counter() - created)
    return statistics.median(creates), statistics.median(destroys)


def run_phases(store: Store, run_id: str) -> tuple[float, float, float]:
    """(setup, agent, verify) seconds of one run, from its event timestamps."""
    events = list(store.events(run_id))
    start, end = events[0].ts, events[-1].ts
    agent_start = next((e.ts for e in events if e.type == ev.MODEL_RESPONSE), start)
    verify_start = next((e.ts for e in events if e.type in (ev.CHECK_RESULT, ev.RUBRIC_RESULT, ev.SCORE)), end)
    return agent_start - start, verify_start - agent_start, end - verify_start


def bench_one(store: Store, suite, tasks, backend: str, jobs: int) -> dict:
    started = time.perf_counter()
    result = run_suite(store, tasks, suite=suite, agent="oracle", jobs=jobs, sandbox=backend, new=True)
    wall = time.perf_counter() - started
    runs = result.results
    bad = [r for r in runs if r.status != "finished" or not r.solved]
    exec_s = sum(r.exec_s for r in runs)
    run_s = sum(r.duration_s for r in runs)
    phases = [run_phases(store, r.run_id) for r in runs]
    setup, agent, verify = (sum(p[i] for p in phases) for i in range(3))
    return {"setup": setup / run_s, "agent": agent / run_s, "verify": verify / run_s,
            "runs": len(runs), "wall": wall, "tasks_per_s": len(runs) / wall, "run_s": run_s, "exec_s": exec_s,
            "exec_share": exec_s / (wall * jobs), "unsolved": len(bad)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--suite", default="examples")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--backends", nargs="+", default=["bwrap", "docker"])
    args = parser.parse_args()
    suite, tasks, errors = load_suite(args.suite)
    print(f"suite {suite.name}: {len(tasks)} task(s)" + (f", {len(errors)} skipped (do not load)" if errors else "")
          + ", oracle agent")
    header = (f"{'backend':<7} {'-j':>3} {'runs':>5} {'wall s':>8} {'tasks/s':>8} {'run s':>8} {'exec s':>7} "
              f"{'exec share':>10} {'outside execs':>13} {'setup':>6} {'agent':>6} {'verify':>6} {'create ms':>9} "
              f"{'destroy ms':>10}")
    print(header)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.db")
        for backend in args.backends:
            problem = backend_problem(backend)
            if problem:
                print(f"{backend:<7} skipped: {problem}")
                continue
            create_s, destroy_s = time_create_destroy(tasks, backend)
            for jobs in args.jobs:
                m = bench_one(store, suite, tasks, backend, jobs)
                print(f"{backend:<7} {jobs:>3} {m['runs']:>5} {m['wall']:>8.2f} {m['tasks_per_s']:>8.2f} "
                      f"{m['run_s']:>8.2f} {m['exec_s']:>7.2f} {m['exec_share']:>10.1%} {1 - m['exec_share']:>13.1%} "
                      f"{m['setup']:>6.0%} {m['agent']:>6.0%} {m['verify']:>6.0%} "
                      f"{create_s * 1000:>9.1f} {destroy_s * 1000:>10.1f}"
                      + (f"  ({m['unsolved']} not solved!)" if m["unsolved"] else ""), flush=True)
    print("exec share = time inside sandbox execs / (wall x j); outside execs = 1 - exec share;")
    print("run s = run durations added up; setup/agent/verify = shares of run s (verify includes destroy);")
    print("create/destroy = median per sandbox, timed apart from the runs")


if __name__ == "__main__":
    main()
