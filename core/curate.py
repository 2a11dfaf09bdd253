"""Curation: pick the stored trajectories worth training on and write them as an SFT dataset
(OpenAI chat messages + tools, one run per JSONL line), the format TRL's SFTTrainer reads.

Cleaning follows the recipe: keep finished runs whose verifier score reaches a threshold, drop
runs in which the agent never used a tool, clip very long tool outputs (the environment's
feedback is context, not something the model learns to produce), and drop exact duplicates.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from store import Store

from .export import openai_messages
from .tools import openai_tools

MAX_TOOL_CHARS = 4_000


@dataclass
class CurationReport:
    considered: int = 0
    kept: int = 0
    dropped: dict[str, int] = field(default_factory=dict)
    path: Path | None = None

    def drop(self, reason: str) -> None:
        self.dropped[reason] = self.dropped.get(reason, 0) + 1


def _clip(messages: list[dict[str, Any]], limit: int) -> list[dict[str, Any]]:
    out = []
    for m in messages:
        if m.get("role") == "tool" and isinstance(m.get("content"), str) and len(m["content"]) > limit:
            m = dict(m, content=m["content"][:limit] + f"\n[... {len(m['content']) - limit} characters clipped]")
        out.append(m)
    return out


def select_runs(store: Store, *, min_score: float = 100.0, solved_only: bool = True, agent: str | None = None,
                model: str | None = None, suite_run_id: str | None = None, task_prefix: str | None = None,
                limit: int = 1_000_000) -> list[dict[str, Any]]:
    if not 0 <= min_score <= 100:
        raise ValueError(f"--min-score must be within 0..100, got {min_score}")
    sql = "select * from runs where status = 'finished' and score >= ?"
    args: list[Any] = [min_score]
    if solved_only:
        sql += " and solved = 1"
    for column, value in (("agent", agent), ("model", model), ("suite_run_id", suite_run_id)):
        if value:
            sql, args = sql + f" and {column} = ?", args + [value]
    if task_prefix:
        sql, args = sql + " and task_id like ?", args + [task_prefix + "%"]
    sql += " order by started_at limit ?"
    return list(store.db.query(sql, args + [limit]))


def curate(store: Store, out: Path | str, *, min_score: float = 100.0, solved_only: bool = True,
           agent: str | None = None, model: str | None = None, suite_run_id: str | None = None,
           task_prefix: str | None = None, max_tool_chars: int = MAX_TOOL_CHARS) -> CurationReport:
    """Write the selected, cleaned trajectories to `out` (JSONL) and say what was kept and why not."""
    report = CurationReport(path=Path(out))
    runs = select_runs(store, min_score=min_score, solved_only=solved_only, agent=agent, model=model,
                       suite_run_id=suite_run_id, task_prefix=task_prefix)
    seen: set[str] = set()
    tools = openai_tools()
    report.path.parent.mkdir(parents=True, exist_ok=True)
    with report.path.open("w", encoding="utf-8") as fh:
        for run in runs:
            report.considered += 1
            messages = openai_messages(store.events(run["id"]))
            if not any(m.get("tool_calls") for m in messages if m.get("role") == "assistant"):
                report.drop("no tool call")
                continue
            messages = _clip(messages, max_tool_chars)
            digest = hashlib.sha256(json.dumps(messages, sort_keys=True).encode()).hexdigest()
            if digest in seen:
                report.drop("duplicate trajectory")
                continue
            seen.add(digest)
            fh.write(json.dumps({"messages": messages, "tools": tools, "run_id": run["id"],
                                 "task_id": run["task_id"], "score": run["score"]}, ensure_ascii=False) + "\n")
            report.kept += 1
    return report
