"""Curation and training for real: trajectories from real runs, TRL's SFTTrainer on a tiny
Qwen3-architecture model built locally (no hub), loss masked to the assistant's turns, and a
detached training job followed from the CLI and from the Train screen."""
from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from core.curate import curate, select_runs
from core.runner import run_task
from core.task import default_task_root, load_tasks
from store import Store

pytest.importorskip("trl", reason="training needs the 'train' extra")

TASKS = load_tasks(default_task_root() / "examples")[0]


@pytest.fixture(scope="module")
def trained_store(tmp_path_factory):
    from conftest import require_backend

    require_backend("bwrap")
    root = tmp_path_factory.mktemp("train")
    store = Store(root / "t.db")
    for task in TASKS:
        run_task(task, store, agent="oracle", sandbox="bwrap")
    run_task(TASKS[0], store, agent="oracle", sandbox="bwrap")   # the same trajectory again: a duplicate
    run_task(TASKS[0], store, agent="null", sandbox="bwrap")     # not solved: filtered out
    return root, store


@pytest.fixture(scope="module")
def dataset(trained_store):
    root, store = trained_store
    report = curate(store, root / "data.jsonl", min_score=100)
    return root, report


@pytest.fixture(scope="module")
def tiny_model(dataset):
    from core.train.tiny import build_tiny_model

    root, _ = dataset
    return build_tiny_model(root / "data.jsonl", root / "tiny")


def test_curation_keeps_solved_unique_trajectories(trained_store, dataset):
    _, store = trained_store
    _, report = dataset
    assert report.considered == len(TASKS) + 1
    assert report.kept == len(TASKS) and report.dropped == {"duplicate trajectory": 1}
    rows = [json.loads(line) for line in report.path.read_text().splitlines()]
    assert {r["task_id"] for r in rows} == {t.id for t in TASKS}
    assert all(r["score"] == 100.0 for r in rows)
    first = rows[0]["messages"]
    assert [m["role"] for m in first[:3]] == ["system", "user", "assistant"]
    assert rows[0]["tools"][0]["function"]["name"] == "read_file"
    assert len(select_runs(store, min_score=0, solved_only=False)) == len(TASKS) + 2
    with pytest.raises(ValueError, match="--min-score must be within 0..100"):
        select_runs(store, min_score=120)


def test_loss_is_masked_to_assistant_turns(dataset, tiny_model, tmp_path):
    from core.train.sft import build_trainer

    root, _ = dataset
    trainer = build_trainer(root / "data.jsonl", str(tiny_model), tmp_path / "out", max_steps=1)
    tok = trainer.processing_class
    row = trainer.train_dataset[0]
    ids = row["input_ids"]
    mask = [label != -100 for label in row["labels"]]     # TRL turns the assistant mask into -100 labels
    assert len(ids) == len(mask) and 0 < sum(mask) < len(mask)
    trained = tok.decode([i for i, m in zip(ids, mask) if m])
    context = tok.decode([i for i, m in zip(ids, mask) if not m])
    assert "<tool_call>" in trained and '"name": "' in trained
    assert "<tool_response>" in context and "<tool_response>" not in trained     # environment feedback
    assert "You are a capable personal assistant" in context                    # system prompt
    source = json.loads((root / "data.jsonl").read_text().splitlines()[0])
    instruction = source["messages"][1]["content"][:40]
    assert instruction in context and instruction not in trained                # the user's request


def test_sft_lowers_the_loss_and_saves_weights(dataset, tiny_model, tmp_path):
    from core.train.sft import train_sft
    from transformers import AutoModelForCausalLM

    root, _ = dataset
    result = train_sft(root / "data.jsonl", str(tiny_model), tmp_path / "out", epochs=4, learning_rate=5e-3)
    assert result.steps == 4 * len(TASKS)
    assert result.last_loss < result.first_loss
    metrics = [json.loads(line) for line in (tmp_path / "out" / "metrics.jsonl").read_text().splitlines()]
    assert sum("loss" in m for m in metrics) == result.steps
    AutoModelForCausalLM.from_pretrained(tmp_path / "out" / "final")


def test_background_job_from_the_cli(trained_store, tmp_path):
    import shutil
    import subprocess
    import sys

    root, store = trained_store
    db = tmp_path / "copy.db"
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(root / "t.db", db)
    cli = [sys.executable, "-m", "clawbench_tui.cli"]
    out = subprocess.run(cli + ["train", "run", "--db", str(db), "--tiny", "--epochs", "1", "--background"],
                         capture_output=True, text=True, check=True).stdout
    assert out.startswith("job ")
    deadline = time.time() + 240
    while time.time() < deadline:
        jobs = json.loads(subprocess.run(cli + ["train", "jobs", "--db", str(db), "--json"], capture_output=True,
                                         text=True, check=True).stdout)
        if jobs[0]["state"] != "running":
            break
        time.sleep(1)
    assert jobs[0]["state"] == "finished", (Path(jobs[0]["path"]) / "log.txt").read_text()[-2000:]
    assert jobs[0]["steps"] == len(TASKS) and jobs[0]["last_loss"] > 0


async def test_train_screen_launches_and_follows_a_job(trained_store, tmp_path):
    import shutil

    from clawbench_tui.app import ClawBenchApp

    root, store = trained_store
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(root / "t.db", tmp_path / "t.db")
    app = ClawBenchApp(db_path=tmp_path / "t.db", sandbox="bwrap")
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("4")
        screen = app.screen
        assert f"{len(TASKS) + 1} runs from {len(TASKS)} tasks" in str(screen.query_one("#train-status").render())
        await pilot.press("ctrl+l")
        deadline = time.time() + 240
        while time.time() < deadline:
            await pilot.pause(0.5)
            job = screen.jobs.get(screen.selected)
            if job and job.status()["state"] != "running":
                break
        await pilot.pause(1.5)     # one more refresh tick
        assert job.status()["state"] == "finished"
        assert len(screen.query_one("#train-loss").data) == len(TASKS)
        assert "loss" in str(screen.query_one("#train-loss-title").render())
        assert any("trained" in line for line in screen.query_one("#train-log").lines)
