"""The harness's own per-step overhead in the native agent loop.

Drives the real loop (litellm call path, scripted model, real sandbox, real SQLite store) with
a script of N cheap tool calls, and reports time per step minus the time spent inside sandbox
execs, next to the exec time itself, for each available backend.

    python bench/agent_overhead.py [--steps 40] [--repeats 3]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.models import litellm  # noqa: E402
from core.runner import run_task  # noqa: E402
from core.task import load_task  # noqa: E402
from sandbox import backend_problem  # noqa: E402
from store import Store  # noqa: E402


def make_task(root: Path, steps: int) -> tuple[Path, str]:
    task = root / "task"
    (task / "workspace").mkdir(parents=True)
    for i in range(20):
        (task / "workspace" / f"notes_{i}.md").write_text(f"# note {i}\n" + "line\n" * 50)
    (task / "task.yaml").write_text(yaml.safe_dump({
        "id": "overhead", "title": "overhead", "domain": "systems", "difficulty": "easy",
        "instruction": "Touch files.", "limits": {"turns": steps + 5, "tokens": 10_000_000},
        "checks": [{"id": "done", "type": "file_exists", "path": "out_0.txt"}]}))
    turns = []
    for i in range(steps):
        # alternate an exec (sandbox time) and a file write (harness time only)
        if i % 2:
            turns.append({"tool_calls": [{"name": "exec", "arguments": {"command": f"echo {i} > out_{i}.txt"}}]})
        else:
            turns.append({"tool_calls": [{"name": "write_file", "arguments": {"path": f"out_{i}.txt", "content": str(i)}}]})
    turns.append({"content": "done"})
    script = root / "script.yaml"
    script.write_text(yaml.safe_dump(turns))
    return task, f"scripted/{script}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--steps", type=int, default=40)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    litellm()  # import once, outside the timings
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        task_dir, model = make_task(root, args.steps)
        task = load_task(task_dir)
        store = Store(root / "bench.db")
        print(f"native loop, scripted model, {args.steps} tool steps per run, {args.repeats} runs per backend")
        print(f"{'backend':<42} {'ms/step':>9} {'exec ms/step':>13} {'harness ms/step':>16} {'harness share':>14}")
        results: dict[str, float] = {}
        for backend, combined in (("bwrap", True), ("docker", False), ("docker", True)):
            problem = backend_problem(backend)
            if problem:
                print(f"{backend:<42} skipped: {problem}")
                continue
            label = backend
            if backend == "docker":
                # baseline: the snapshot after a write as its own container exec, as before the two were merged
                from sandbox.docker_backend import DockerSandbox
                DockerSandbox.snapshot_with_changes = combined
                label = "docker" if combined else "docker, snapshot as its own exec (baseline)"
            per_step, exec_step = [], []
            for _ in range(args.repeats):
                started = time.perf_counter()
                result = run_task(task, store, agent="native", model=model, sandbox=backend)
                total = time.perf_counter() - started
                assert result.status == "finished", result.error
                steps = result.outcome.turns
                per_step.append(total / steps)
                exec_step.append(result.exec_s / steps)
            step, ex = statistics.median(per_step), statistics.median(exec_step)
            print(f"{label:<42} {step * 1000:>9.2f} {ex * 1000:>13.2f} {(step - ex) * 1000:>16.2f} {(step - ex) / step:>13.0%}")
            results[label] = step - ex
        print("harness = time per step minus time inside sandbox execs (model call, tools, snapshots, SQLite)")
        base = results.get("docker, snapshot as its own exec (baseline)")
        if base and results.get("docker"):
            print(f"docker harness time per step: {results['docker'] / base:.2f}x the baseline "
                  f"({results['docker'] * 1000:.1f} vs {base * 1000:.1f} ms)")


if __name__ == "__main__":
    main()
