"""Replay responsiveness: time to open Replay on a stored run and the median time per step
forward, in the real app (headless, Textual's test driver), for a 1,000-event run and a
10,000-event run over a 5,000-file workspace. A baseline measured in the same run: the time
to read the same events back from SQLite without any UI.

    python bench/replay_bench.py
"""
from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from clawbench_tui.app import ClawBenchApp  # noqa: E402
from store import Store  # noqa: E402


def synthesize(store: Store, run_id: str, n_events: int, n_files: int) -> None:
    """A run shaped like a real one: initial files, then turns of tool call / result / change."""
    store.create_run(run_id, task_id="bench", agent="native", model="scripted/bench")
    store.append_event(run_id, "run_started", {"task_id": "bench", "instruction": "benchmark", "agent": "native",
                                               "sandbox": "bwrap", "model": "scripted/bench"})
    for i in range(n_files):
        digest = store.put_blob(f"file {i}\n".encode() * 20)
        store.append_event(run_id, "workspace_changed", {"path": f"dir{i % 50}/file{i}.txt", "op": "added",
                                                         "sha256": digest, "size": 140})
    i = 0
    while store.count_events(run_id) < n_events - 1:
        path = f"dir{i % 50}/file{(i * 7) % n_files}.txt"
        store.append_event(run_id, "model_response", {"turn": i, "message": {"role": "assistant", "content": f"step {i}",
                           "tool_calls": [{"id": f"c{i}", "type": "function", "function": {"name": "write_file",
                                           "arguments": f'{{"path": "{path}"}}'}}]}, "tokens_in": 100, "tokens_out": 20})
        store.append_event(run_id, "tool_call", {"call_id": f"c{i}", "name": "write_file", "arguments": {"path": path}})
        store.append_event(run_id, "tool_result", {"call_id": f"c{i}", "name": "write_file", "ok": True,
                                                   "output": f"wrote {path}\n" + "log line\n" * 30})
        digest = store.put_blob(f"file {i} rewritten\n".encode() * 20)
        store.append_event(run_id, "workspace_changed", {"path": path, "op": "modified", "sha256": digest, "size": 300})
        i += 1
    store.append_event(run_id, "run_finished", {"status": "finished", "reason": "done"})
    store.update_run(run_id, status="finished", finished_at=time.time(), score=100.0, solved=1)


async def measure(db: Path, run_id: str, steps: int) -> tuple[float, float, float]:
    app = ClawBenchApp(db_path=db, replay_run=run_id)
    async with app.run_test(size=(160, 48)) as pilot:
        started = time.perf_counter()
        while not (getattr(app.screen, "loaded", None) and app.screen.loaded.is_set()):
            await pilot.pause(0.005)
        await pilot.pause(0)
        opened = time.perf_counter() - started
        medians = []
        for key in ("z", "right"):     # z is bound to nothing: the driver's own cost per key press
            times = []
            for _ in range(steps):
                t = time.perf_counter()
                await pilot.press(key)
                await pilot.pause(0)        # let the screen repaint
                times.append(time.perf_counter() - t)
            medians.append(statistics.median(times))
    return opened, medians[1], medians[0]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        store = Store(db)
        cases = [("run-1k", 1_000, 200), ("run-10k", 10_000, 5_000)]
        for run_id, n_events, n_files in cases:
            synthesize(store, run_id, n_events, n_files)
        print(f"{'run':<9} {'events':>7} {'files':>6} {'read s':>8} {'open s':>8} {'open/read':>10} "
              f"{'step ms':>8} {'idle key ms':>12} {'step-idle':>10}")
        for run_id, n_events, n_files in cases:
            t = time.perf_counter()
            count = sum(1 for _ in store.events(run_id))
            read_s = time.perf_counter() - t
            opened, step, idle = asyncio.run(measure(db, run_id, steps=60))
            print(f"{run_id:<9} {count:>7} {n_files:>6} {read_s:>8.3f} {opened:>8.3f} {opened / read_s:>9.1f}x "
                  f"{step * 1000:>8.2f} {idle * 1000:>12.2f} {(step - idle) * 1000:>10.2f}")
        print("read = events read back from SQLite without UI (baseline); open = app on the run until the "
              "first step is drawn;\nstep = median key press -> repaint over 60 steps forward; idle key = the same "
              "for an unbound key (the test driver's own cost); step-idle = what stepping costs")


if __name__ == "__main__":
    main()
