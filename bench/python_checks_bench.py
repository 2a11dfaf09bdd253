"""Verifying python checks: one sandbox exec for all of a task's python checks (core.check_runner,
a fork per check) against the baseline of one `python3 checks/<script>` exec per check, measured in
the same run on the same sandbox, for each available backend.

    python bench/python_checks_bench.py [--checks 8] [--repeats 10]
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

from core.checks import CheckContext  # noqa: E402
from core.task import load_task  # noqa: E402
from core.verifier import verify  # noqa: E402
from sandbox import backend_problem, create_sandbox  # noqa: E402

CHECK = """import csv, json, sys
rows = list(csv.DictReader(open('orders.csv')))
total = sum(float(r['amount']) for r in rows if r['region'] == sys.argv[1])
print(json.dumps({"passed": total > 0, "observed": total, "expected": "> 0"}))
"""


def make_task(root: Path, n: int) -> Path:
    (root / "workspace").mkdir(parents=True)
    regions = ("north", "south", "east", "west")
    (root / "workspace" / "orders.csv").write_text(
        "id,region,amount\n" + "".join(f"{i},{regions[i % 4]},{i * 1.5:.2f}\n" for i in range(1, 400)))
    (root / "checks").mkdir()
    (root / "checks" / "region_total.py").write_text(CHECK)
    checks = [{"id": f"c{i}", "type": "python", "script": "region_total.py", "args": [regions[i % 4]],
               "description": "a region's total"} for i in range(n)]
    (root / "task.yaml").write_text(yaml.safe_dump({"id": "pychecks", "title": "python checks", "domain": "analysis",
                                                    "difficulty": "easy", "instruction": "n/a", "checks": checks}))
    return root


def timed_verify(task, box, batched: bool) -> float:
    if not batched:   # an empty batch result: every check falls back to its own exec
        import core.checks as checks

        original = checks._python_batch
        checks._python_batch = lambda ctx, staged: {}
    try:
        started = time.perf_counter()
        verdict = verify(task, box)
        elapsed = time.perf_counter() - started
    finally:
        if not batched:
            checks._python_batch = original
    assert verdict.score == 100, [c for c in verdict.checks if not c.passed][:1]
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--checks", type=int, default=8)
    parser.add_argument("--repeats", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        task = load_task(make_task(Path(tmp) / "task", args.checks))
        print(f"verify a task with {args.checks} python checks, median of {args.repeats}")
        print(f"{'backend':<8} {'one exec per check':>19} {'one exec, fork each':>20} {'ratio':>7}")
        for backend in ("bwrap", "docker"):
            problem = backend_problem(backend)
            if problem:
                print(f"{backend:<8} skipped: {problem}")
                continue
            box = create_sandbox(task.workspace_dir, backend=backend)
            try:
                CheckContext(task, box).checks_path()   # warm up: stage once outside the timings
                alone, batched = [], []
                for _ in range(args.repeats):
                    alone.append(timed_verify(task, box, batched=False))
                    batched.append(timed_verify(task, box, batched=True))
            finally:
                box.destroy()
            a, b = statistics.median(alone), statistics.median(batched)
            print(f"{backend:<8} {a * 1000:>16.1f} ms {b * 1000:>17.1f} ms {b / a:>6.2f}x")


if __name__ == "__main__":
    main()
