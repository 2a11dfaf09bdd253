"""Regenerate the screenshots of every screen, in a realistic state, from real stored runs.

    .venv/bin/python screenshots/make.py

Runs the oracle on the built-in examples into a scratch database (bwrap sandbox), opens each
screen at a fixed size, and writes SVG (and PNG when rsvg-convert is installed) next to this file.
"""
from __future__ import annotations

import asyncio
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from clawbench_tui.app import ClawBenchApp  # noqa: E402
from core.runner import run_task  # noqa: E402
from core.task import default_task_root, load_tasks  # noqa: E402
from store import Store  # noqa: E402

SIZE = (140, 40)


def seed(db: Path) -> None:
    store = Store(db)
    tasks, _ = load_tasks(default_task_root() / "examples")
    for task in tasks[:3]:
        run_task(task, store, agent="oracle", sandbox="bwrap")
    run_task(tasks[-1], store, agent="null", sandbox="bwrap")
    store.close()


async def shoot_tasks(db: Path) -> list[Path]:
    app = ClawBenchApp(db_path=db, sandbox="bwrap")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down")
        await pilot.press("o")
        await app.workers.wait_for_complete()
        await pilot.pause(0.2)
        path = HERE / "tasks.svg"
        app.save_screenshot(filename=path.name, path=str(HERE))
    return [path]


def to_png(svg: Path) -> None:
    if shutil.which("rsvg-convert"):
        subprocess.run(["rsvg-convert", "-o", str(svg.with_suffix(".png")), str(svg)], check=True)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "screens.db"
        seed(db)
        shots = asyncio.run(shoot_tasks(db))
    for svg in shots:
        to_png(svg)
        print(f"wrote {svg.relative_to(HERE.parent)}" + (" (+png)" if svg.with_suffix(".png").exists() else ""))


if __name__ == "__main__":
    main()
