"""Stored runs for listing and comparing: one shape for the CLI (`clawbench runs`, `clawbench
compare`) and the Runs screen."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from store import Store

RUN_COLUMNS = ("run", "task", "agent", "model", "score", "solved", "turns", "tokens", "duration", "status")
SORT_KEYS = {"run": "id", "task": "task_id", "agent": "agent", "model": "model", "score": "score",
             "solved": "solved", "turns": "turns", "tokens": "tokens", "duration": "duration", "status": "status",
             "started": "started_at"}


def run_rows(store: Store, text: str = "", sort: str = "started", descending: bool = True,
             limit: int = 5000) -> list[dict[str, Any]]:
    """Runs with derived columns (tokens, duration), filtered by words that must all appear in
    task/agent/model/status/id, and sorted by a column name of RUN_COLUMNS (or 'started')."""
    if sort not in SORT_KEYS:
        raise ValueError(f"--sort must be one of {', '.join(SORT_KEYS)}, got {sort!r}")
    rows = []
    words = text.lower().split()
    for r in store.list_runs(limit=limit):
        r = dict(r)
        r["tokens"] = (r.get("tokens_in") or 0) + (r.get("tokens_out") or 0)
        r["duration"] = (r["finished_at"] - r["started_at"]) if r.get("finished_at") else None
        hay = " ".join(str(r.get(k) or "") for k in ("id", "task_id", "agent", "model", "status", "sandbox")).lower()
        if all(w in hay for w in words):
            rows.append(r)
    key = SORT_KEYS[sort]
    present = [r for r in rows if r.get(key) is not None]
    missing = [r for r in rows if r.get(key) is None]
    present.sort(key=lambda r: r[key], reverse=descending)
    return present + missing


@dataclass
class CheckDelta:
    name: str
    kind: str
    description: str
    a: bool | None          # passed in run A (None: not in that run / unjudged)
    b: bool | None

    @property
    def differs(self) -> bool:
        return self.a != self.b


@dataclass
class RunComparison:
    a: dict[str, Any]
    b: dict[str, Any]
    checks: list[CheckDelta] = field(default_factory=list)

    @property
    def same_task(self) -> bool:
        return self.a["task_id"] == self.b["task_id"]


def compare_runs(store: Store, run_a: str, run_b: str) -> RunComparison:
    a, b = store.get_run(run_a), store.get_run(run_b)
    for ref, row in ((run_a, a), (run_b, b)):
        if row is None:
            raise ValueError(f"RUN_ID: no stored run {ref!r}")
    sa = {(s["kind"], s["name"]): s for s in store.scores(a["id"])}
    sb = {(s["kind"], s["name"]): s for s in store.scores(b["id"])}
    keys = list(dict.fromkeys(list(sa) + list(sb)))
    deltas = []
    for kind, name in keys:
        x, y = sa.get((kind, name)), sb.get((kind, name))
        desc = (x or y).get("description") or ""
        deltas.append(CheckDelta(name, kind, desc, _passed(x), _passed(y)))
    return RunComparison(a, b, deltas)


def _passed(score: dict | None) -> bool | None:
    if score is None or score.get("passed") is None:
        return None
    return bool(score["passed"])
