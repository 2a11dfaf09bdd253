"""Supervised fine-tuning on curated trajectories with TRL's SFTTrainer.

The loss is masked to the assistant's turns (`assistant_only_loss`): the system prompt, the
user's request and every tool result (the environment's feedback) are context, never targets.
Metrics go to metrics.jsonl (one JSON object per logging step) so the Train screen and scripts
can follow a job while it runs.
"""
from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass
class SFTResult:
    output_dir: Path
    steps: int
    train_loss: float | None
    first_loss: float | None
    last_loss: float | None
    seconds: float
    examples: int


def _normalise(messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row shape for every message (Arrow wants a single schema). Tool-call arguments stay JSON
    text: Qwen3's template writes a string as is, while dicts would pick up other tools' keys as nulls
    once Arrow unifies them."""
    return [{"role": m["role"], "content": m.get("content") or "", "tool_calls": m.get("tool_calls") or None,
             "tool_call_id": m.get("tool_call_id")} for m in messages]


def load_sft_dataset(path: Path | str):
    """The JSONL written by `clawbench curate`, as a datasets.Dataset of messages + tools."""
    from datasets import Dataset

    rows = []
    with Path(path).open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                raise ValueError(f"{path}: line {n}: not JSON ({e.msg})") from None
            if not isinstance(row.get("messages"), list):
                raise ValueError(f"{path}: line {n}: field 'messages' must be a list of chat messages")
            rows.append({"messages": _normalise(row["messages"]), "tools": row.get("tools") or []})
    if not rows:
        raise ValueError(f"{path}: no trajectories to train on (curate with a lower --min-score?)")
    # tools as JSON text for the same reason; TRL's tokenizer step decodes it
    return Dataset.from_list([{"messages": r["messages"], "tools": json.dumps(r["tools"])} for r in rows])


class _JsonlMetrics:
    """A TrainerCallback writing every log line to metrics.jsonl (flushed, for live readers)."""

    def __init__(self, path: Path):
        from transformers import TrainerCallback

        self.path = path
        outer = self

        class Callback(TrainerCallback):
            def on_log(self, args, state, control, logs=None, **kwargs):
                if logs:
                    outer.write({"step": state.global_step, "epoch": state.epoch, "time": time.time(), **logs})

        self.callback = Callback()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text("")

    def write(self, record: dict[str, Any]) -> None:
        with self.path.open("a", encoding="utf-8") as fh:
            fh.write(json.dumps(record, default=float) + "\n")


def build_trainer(data: Path | str, model: str, output_dir: Path | str, *, epochs: float = 1.0,
                  learning_rate: float = 2e-5, max_length: int = 8192, batch_size: int = 1, grad_accum: int = 1,
                  max_steps: int = -1, seed: int = 0):
    """An SFTTrainer over the curated JSONL `data` for `model` (a hub name or a local folder),
    with assistant-only loss and metrics.jsonl logging; the dataset is tokenized and masked here."""
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer
    from trl import SFTConfig, SFTTrainer

    output_dir = Path(output_dir)
    dataset = load_sft_dataset(data)
    tokenizer = AutoTokenizer.from_pretrained(model)
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    cuda = torch.cuda.is_available()
    dtype = torch.bfloat16 if cuda and torch.cuda.is_bf16_supported() else torch.float32
    lm = AutoModelForCausalLM.from_pretrained(model, dtype=dtype)
    metrics = _JsonlMetrics(output_dir / "metrics.jsonl")
    config = SFTConfig(
        output_dir=str(output_dir), num_train_epochs=epochs, max_steps=max_steps, learning_rate=learning_rate,
        per_device_train_batch_size=batch_size, gradient_accumulation_steps=grad_accum, max_length=max_length,
        assistant_only_loss=True, logging_steps=1, save_strategy="no", report_to=[], seed=seed,
        bf16=dtype == torch.bfloat16, use_cpu=not cuda, dataloader_num_workers=0, disable_tqdm=True,
    )
    return SFTTrainer(model=lm, args=config, train_dataset=dataset, processing_class=tokenizer,
                      callbacks=[metrics.callback])


def train_sft(data: Path | str, model: str, output_dir: Path | str, *, save: bool = True, **options) -> SFTResult:
    """Fine-tune `model` on the curated JSONL `data`; the final weights go to output_dir/final."""
    output_dir = Path(output_dir)
    trainer = build_trainer(data, model, output_dir, **options)
    started = time.time()
    output = trainer.train()
    losses = [h["loss"] for h in trainer.state.log_history if "loss" in h]
    if save:
        trainer.save_model(str(output_dir / "final"))
        trainer.processing_class.save_pretrained(str(output_dir / "final"))
    return SFTResult(output_dir=output_dir, steps=trainer.state.global_step, train_loss=output.training_loss,
                     first_loss=losses[0] if losses else None, last_loss=losses[-1] if losses else None,
                     seconds=time.time() - started, examples=len(trainer.train_dataset))
