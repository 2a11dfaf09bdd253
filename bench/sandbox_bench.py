"""Sandbox overhead against the bare tools, measured in the same run.

    python bench/sandbox_bench.py [-n 20] [--backend bwrap|docker]

For each available backend: median create+destroy of our sandbox next to a bare start
(`bwrap ... true` / `docker run --rm IMAGE true`), and median exec(["true"]) next to the bare
exec (`bwrap ... true` / `docker exec CONTAINER true`), with ratios.
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sandbox import BACKENDS, DEFAULT_IMAGE, backend_problem, create_sandbox  # noqa: E402

BARE_BWRAP = ["bwrap", "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--unshare-all", "true"]


def median_ms(fn, n: int) -> float:
    fn()  # warm-up: page cache, client connections, image layers
    times = []
    for _ in range(n):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def run_quiet(cmd: list[str]) -> None:
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def bench(backend: str, n: int) -> list[tuple[str, float, float]]:
    """[(what, ours_ms, bare_ms)] for one backend."""
    def start_destroy() -> None:
        create_sandbox(None, backend=backend).destroy()

    with create_sandbox(None, backend=backend) as sb:
        exec_ms = median_ms(lambda: sb.exec(["true"]), n)
        if backend == "docker":
            if shutil.which("docker") is None:
                raise SystemExit("the docker baseline needs the docker CLI (apt-get install docker.io)")
            bare_start = ["docker", "run", "--rm", "--network", "none", DEFAULT_IMAGE, "true"]
            bare_exec = ["docker", "exec", sb.container_id, "true"]
        else:
            bare_start = bare_exec = BARE_BWRAP
        bare_exec_ms = median_ms(lambda: run_quiet(bare_exec), n)
    start_ms = median_ms(start_destroy, n)
    bare_start_ms = median_ms(lambda: run_quiet(bare_start), n)
    return [("start+destroy", start_ms, bare_start_ms), ("exec true", exec_ms, bare_exec_ms)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=20, help="iterations per measurement (default 20)")
    parser.add_argument("--backend", choices=BACKENDS, action="append", help="default: every available one")
    args = parser.parse_args()
    print(f"{'backend':8} {'measure':14} {'ours ms':>9} {'bare ms':>9} {'ratio':>7}   (median of {args.n})")
    for backend in args.backend or BACKENDS:
        problem = backend_problem(backend)
        if problem:
            print(f"{backend:8} skipped: {problem}")
            continue
        for what, ours, bare in bench(backend, args.n):
            print(f"{backend:8} {what:14} {ours:9.1f} {bare:9.1f} {ours / bare:7.2f}x")


if __name__ == "__main__":
    main()
