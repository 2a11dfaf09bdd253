"""Regenerate the screenshots of every screen, in a realistic state, from real stored runs.

    .venv/bin/python screenshots/make.py

Runs real tasks (oracle, null, and the native agent with a scripted model) into a scratch
database in bwrap sandboxes, drives each screen with Textual's test driver at a fixed size, and
writes SVG (and PNG when rsvg-convert is installed) next to this file.
"""
from __future__ import annotations

import asyncio
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from clawbench_tui.app import ClawBenchApp  # noqa: E402
from core.runner import run_task  # noqa: E402
from core.task import default_task_root, load_tasks  # noqa: E402
from store import Store  # noqa: E402

SIZE = (140, 40)
EXAMPLES = default_task_root() / "examples"


def seed(db: Path) -> None:
    store = Store(db)
    tasks = {t.id: t for t in load_tasks(EXAMPLES)[0]}
    run_task(tasks["sw-invoice-rounding-fix"], store, agent="oracle", sandbox="bwrap", run_id="demo-oracle")
    run_task(tasks["sw-invoice-rounding-fix"], store, agent="null", sandbox="bwrap", run_id="demo-null")
    for task_id in ("prod-action-items", "ana-sales-reconcile", "sys-ratelimit-audit"):
        run_task(tasks[task_id], store, agent="oracle", sandbox="bwrap")
    run_task(tasks["plan-sprint-capacity"], store, agent="null", sandbox="bwrap")
    store.close()


async def wait_for(pilot, predicate, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("screen did not get ready")
        await pilot.pause(0.05)


async def shoot(db: Path) -> list[Path]:
    shots: list[Path] = []

    def save(app, name: str) -> None:
        app.save_screenshot(filename=f"{name}.svg", path=str(HERE))
        shots.append(HERE / f"{name}.svg")

    app = ClawBenchApp(db_path=db, task_root=EXAMPLES, sandbox="bwrap")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.screen.loaded)
        await pilot.press("down", "down", "down", "down", "down")
        await pilot.pause(0.2)
        save(app, "tasks")
        await pilot.press("w")
        await pilot.pause(0.3)
        save(app, "tasks-workspace")
        await pilot.press("w", "o")                       # a live oracle run
        await wait_for(pilot, lambda: getattr(app.screen, "loaded", None) is not None and app.screen.loaded.is_set())
        await pilot.pause(0.3)
        save(app, "live-run")
        await pilot.press("escape", "2")
        await pilot.pause(0.3)
        save(app, "runs")
        app.screen.marked = ["demo-oracle", "demo-null"]
        await pilot.press("c")
        await pilot.pause(0.3)
        save(app, "compare")
        await pilot.press("escape", "f1")
        await pilot.pause(0.2)
        save(app, "help")
        await pilot.press("escape", "3")
        await pilot.pause(0.2)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not app.screen.running and app.screen.suite_run_id is not None, 300)
        await pilot.pause(0.3)
        save(app, "bench")
        await pilot.press("4")                            # a tiny fine-tuning job on the runs above
        app.screen.query_one("#train-epochs").value = "3"
        app.screen.query_one("#train-lr").value = "5e-3"
        await pilot.press("ctrl+l")
        await wait_for(pilot, lambda: (job := app.screen.jobs.get(app.screen.selected)) is not None
                       and job.status()["state"] != "running", 300)
        await pilot.pause(1.5)
        save(app, "train")

    app = ClawBenchApp(db_path=db, task_root=EXAMPLES, sandbox="bwrap", replay_run="demo-oracle")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.screen.loaded.is_set())
        await pilot.press("t", "t", "t", "t", "f")
        await pilot.pause(0.3)
        save(app, "replay")
    return shots


def to_png(svg: Path) -> None:
    if shutil.which("rsvg-convert"):
        subprocess.run(["rsvg-convert", "-o", str(svg.with_suffix(".png")), str(svg)], check=True)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "screens.db"
        seed(db)
        shots = asyncio.run(shoot(db))
    for svg in shots:
        to_png(svg)
        print(f"wrote {svg.relative_to(HERE.parent)}" + (" (+png)" if svg.with_suffix(".png").exists() else ""))


if __name__ == "__main__":
    main()
