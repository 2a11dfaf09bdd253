"""Suite reports, read back from the store: overall score, solved rate, pass@k, per domain /
capability / difficulty, tokens and cost; and the task-by-task comparison of two suite runs.

Which run counts: each (task, sample) of a suite run counts once, through its latest run that
reached a verdict or failed ('finished' or 'failed'). Runs that were cancelled or interrupted
are superseded when the suite is resumed, and count as missing until then. A failed run counts
with its score (0 when it never reached the verifier) and as not solved.
"""
from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, field
from typing import Any

from store import Store

from .task import CAPABILITIES, DIFFICULTIES, DOMAINS

COUNTED_STATUSES = ("finished", "failed")


def pass_at_k(n: int, c: int, k: int) -> float:
    """The unbiased pass@k estimator (Chen et al. 2021): the chance that at least one of k
    samples drawn without replacement from n, of which c are correct, is correct."""
    if not 0 <= c <= n or not 1 <= k <= n:
        raise ValueError(f"pass@k needs 0 <= c <= n and 1 <= k <= n, got n={n}, c={c}, k={k}")
    if n - c < k:
        return 1.0
    # 1 - C(n-c, k) / C(n, k), as a product so large n does not overflow
    return 1.0 - math.prod(1.0 - k / i for i in range(n - c + 1, n + 1))


@dataclass
class SampleRun:
    sample: int
    run_id: str
    status: str
    score: float | None
    solved: bool
    error: str | None = None


@dataclass
class TaskRow:
    task_id: str
    domain: str
    difficulty: str
    capabilities: tuple[str, ...]
    runs: list[SampleRun] = field(default_factory=list)   # the counted run of each sample

    @property
    def n(self) -> int:
        return len(self.runs)

    @property
    def c(self) -> int:
        return sum(r.solved for r in self.runs)

    @property
    def score(self) -> float | None:
        return sum(r.score or 0.0 for r in self.runs) / self.n if self.runs else None

    @property
    def solved_rate(self) -> float | None:
        return self.c / self.n if self.runs else None

    def to_dict(self) -> dict[str, Any]:
        return {"task_id": self.task_id, "domain": self.domain, "difficulty": self.difficulty,
                "capabilities": list(self.capabilities), "n": self.n, "solved": self.c,
                "score": _round(self.score), "solved_rate": _round(self.solved_rate, 4),
                "runs": [asdict(r) for r in self.runs]}


@dataclass
class GroupRow:
    name: str
    tasks: int
    runs: int
    score: float | None          # mean 0-100 over counted runs
    solved_rate: float | None    # 0-1 over counted runs
    pass_at_k: dict[int, float]  # averaged over the tasks with at least k counted samples

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "tasks": self.tasks, "runs": self.runs, "score": _round(self.score),
                "solved_rate": _round(self.solved_rate, 4),
                "pass_at_k": {str(k): _round(v, 4) for k, v in self.pass_at_k.items()}}


@dataclass
class Report:
    suite_run_id: str
    suite: str
    agent: str
    model: str | None
    judge: str | None
    samples: int
    sandbox: str | None
    status: str
    started_at: float
    finished_at: float | None
    planned_runs: int
    counted_runs: int
    failed_runs: int
    missing_runs: int
    overall: GroupRow
    by_domain: list[GroupRow]
    by_capability: list[GroupRow]
    by_difficulty: list[GroupRow]
    tasks: list[TaskRow]
    tokens_in: int = 0
    tokens_out: int = 0
    cost: float = 0.0
    wall_s: float | None = None   # time the suite's invocations took, resumes added up
    run_s: float = 0.0            # run durations added up (> wall_s when runs overlap)
    load_errors: list[str] = field(default_factory=list)   # suite tasks that did not load (not run)

    @property
    def complete(self) -> bool:
        return self.missing_runs == 0

    def task(self, task_id: str) -> TaskRow | None:
        return next((t for t in self.tasks if t.task_id == task_id), None)

    def to_dict(self) -> dict[str, Any]:
        out = {k: getattr(self, k) for k in ("suite_run_id", "suite", "agent", "model", "judge", "samples",
                                             "sandbox", "status", "started_at", "finished_at", "planned_runs",
                                             "counted_runs", "failed_runs", "missing_runs", "tokens_in",
                                             "tokens_out", "load_errors")}
        out.update(complete=self.complete, cost=round(self.cost, 6), wall_s=_round(self.wall_s, 3),
                   run_s=round(self.run_s, 3), overall=self.overall.to_dict(),
                   by_domain=[g.to_dict() for g in self.by_domain],
                   by_capability=[g.to_dict() for g in self.by_capability],
                   by_difficulty=[g.to_dict() for g in self.by_difficulty],
                   tasks=[t.to_dict() for t in self.tasks])
        return out


def _round(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else round(value, digits)


# ------------------------------------------------------------------ building a report

def suite_report(store: Store, suite_run_id: str) -> Report:
    """The report of one suite run, from what the store holds (works mid-run and after a crash)."""
    row = store.get_suite_run(suite_run_id)
    if row is None:
        raise ValueError(f"SUITE_RUN_ID: no suite run {suite_run_id!r} in {store.path} (see `clawbench suite runs`)")
    config = row.get("config") or {}
    runs = store.runs_of_suite_run(row["id"])
    tasks = _task_rows(store, config.get("tasks") or [], runs)
    samples = int(row["samples"])
    ks = sorted({1, samples})
    counted = [r for t in tasks for r in t.runs]
    return Report(
        suite_run_id=row["id"], suite=row["suite"], agent=row["agent"], model=row["model"], judge=row["judge"],
        samples=samples, sandbox=row["sandbox"], status=row["status"], started_at=row["started_at"],
        finished_at=row["finished_at"], planned_runs=len(tasks) * samples, counted_runs=len(counted),
        failed_runs=sum(r.status == "failed" for r in counted),
        missing_runs=len(tasks) * samples - len(counted),
        overall=_group("overall", tasks, ks),
        by_domain=_groups(tasks, ks, lambda t: [t.domain], list(DOMAINS)),
        by_capability=_groups(tasks, ks, lambda t: list(t.capabilities), list(CAPABILITIES)),
        by_difficulty=_groups(tasks, ks, lambda t: [t.difficulty], list(DIFFICULTIES)),
        tasks=tasks,
        tokens_in=sum(r["tokens_in"] or 0 for r in runs), tokens_out=sum(r["tokens_out"] or 0 for r in runs),
        cost=sum(r["cost"] or 0.0 for r in runs), wall_s=config.get("wall_s"),
        run_s=sum(r["finished_at"] - r["started_at"] for r in runs if r["finished_at"]),
        load_errors=list(config.get("load_errors") or []),
    )


def _task_rows(store: Store, planned: list[dict], runs: list[dict]) -> list[TaskRow]:
    """One row per planned task (plus any task that has runs but fell out of the plan), each
    holding the counted run of every sample: the latest finished or failed one."""
    rows = {t["id"]: TaskRow(t["id"], t.get("domain", "?"), t.get("difficulty", "?"),
                             tuple(t.get("capabilities") or ())) for t in planned}
    latest: dict[tuple[str, int], dict] = {}
    for r in runs:  # oldest first, so later attempts win
        if r["status"] in COUNTED_STATUSES:
            latest[(r["task_id"], r["sample"] or 0)] = r
    for (task_id, sample), r in sorted(latest.items()):
        if task_id not in rows:
            meta = store.get_task(task_id) or {}
            rows[task_id] = TaskRow(task_id, meta.get("domain") or "?", meta.get("difficulty") or "?",
                                    tuple(meta.get("capabilities") or ()))
        rows[task_id].runs.append(SampleRun(sample=sample, run_id=r["id"], status=r["status"], score=r["score"],
                                            solved=bool(r["solved"]) and r["status"] == "finished",
                                            error=r["error"]))
    return sorted(rows.values(), key=lambda t: t.task_id)


def _group(name: str, tasks: list[TaskRow], ks: list[int]) -> GroupRow:
    runs = [r for t in tasks for r in t.runs]
    pass_k = {}
    for k in ks:
        eligible = [t for t in tasks if t.n >= k]
        if eligible:
            pass_k[k] = sum(pass_at_k(t.n, t.c, k) for t in eligible) / len(eligible)
    return GroupRow(name=name, tasks=len(tasks), runs=len(runs),
                    score=sum(r.score or 0.0 for r in runs) / len(runs) if runs else None,
                    solved_rate=sum(r.solved for r in runs) / len(runs) if runs else None, pass_at_k=pass_k)


def _groups(tasks: list[TaskRow], ks: list[int], keys, order: list[str]) -> list[GroupRow]:
    """Group rows in a fixed order (the task format's), for the groups that have tasks."""
    members: dict[str, list[TaskRow]] = {}
    for t in tasks:
        for key in keys(t):
            members.setdefault(key, []).append(t)
    names = [n for n in order if n in members] + sorted(set(members) - set(order))
    return [_group(n, members[n], ks) for n in names]


# ------------------------------------------------------------------ comparing two suite runs

@dataclass
class TaskDelta:
    task_id: str
    score_a: float | None
    score_b: float | None
    solved_a: float | None       # solved rate over samples
    solved_b: float | None
    flip: str | None             # 'gained' / 'lost' when solved (in at least half the samples) changes

    @property
    def delta(self) -> float | None:
        if self.score_a is None or self.score_b is None:
            return None
        return self.score_b - self.score_a

    def to_dict(self) -> dict[str, Any]:
        return {"task_id": self.task_id, "score_a": _round(self.score_a), "score_b": _round(self.score_b),
                "delta": _round(self.delta), "solved_a": _round(self.solved_a, 4),
                "solved_b": _round(self.solved_b, 4), "flip": self.flip}


@dataclass
class GroupDelta:
    kind: str                     # overall | domain | capability | difficulty
    name: str
    a: GroupRow | None
    b: GroupRow | None

    def _delta(self, attr: str) -> float | None:
        va = getattr(self.a, attr) if self.a else None
        vb = getattr(self.b, attr) if self.b else None
        return None if va is None or vb is None else vb - va

    @property
    def score_delta(self) -> float | None:
        return self._delta("score")

    @property
    def solved_rate_delta(self) -> float | None:
        return self._delta("solved_rate")

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "name": self.name,
                "score_a": _round(self.a.score) if self.a else None,
                "score_b": _round(self.b.score) if self.b else None, "score_delta": _round(self.score_delta),
                "solved_rate_a": _round(self.a.solved_rate, 4) if self.a else None,
                "solved_rate_b": _round(self.b.solved_rate, 4) if self.b else None,
                "solved_rate_delta": _round(self.solved_rate_delta, 4)}


@dataclass
class Comparison:
    a: Report
    b: Report
    tasks: list[TaskDelta]        # tasks in both suite runs
    groups: list[GroupDelta]      # overall first, then per domain / capability / difficulty
    only_a: list[str]
    only_b: list[str]

    @property
    def gained(self) -> list[str]:
        return [t.task_id for t in self.tasks if t.flip == "gained"]

    @property
    def lost(self) -> list[str]:
        return [t.task_id for t in self.tasks if t.flip == "lost"]

    def to_dict(self) -> dict[str, Any]:
        return {"a": _summary(self.a), "b": _summary(self.b), "groups": [g.to_dict() for g in self.groups],
                "tasks": [t.to_dict() for t in self.tasks], "gained": self.gained, "lost": self.lost,
                "only_a": self.only_a, "only_b": self.only_b,
                "tokens_delta": (self.b.tokens_in + self.b.tokens_out) - (self.a.tokens_in + self.a.tokens_out),
                "cost_delta": round(self.b.cost - self.a.cost, 6)}


def _summary(r: Report) -> dict[str, Any]:
    return {"suite_run_id": r.suite_run_id, "suite": r.suite, "agent": r.agent, "model": r.model,
            "samples": r.samples, "status": r.status, "complete": r.complete}


def compare_reports(a: Report, b: Report) -> Comparison:
    """B against A, task by task (score delta, solved flips) and group by group."""
    tasks = []
    for ta in a.tasks:
        tb = b.task(ta.task_id)
        if tb is None:
            continue
        solved_a = ta.solved_rate is not None and ta.solved_rate >= 0.5
        solved_b = tb.solved_rate is not None and tb.solved_rate >= 0.5
        flip = None if solved_a == solved_b else ("gained" if solved_b else "lost")
        tasks.append(TaskDelta(ta.task_id, ta.score, tb.score, ta.solved_rate, tb.solved_rate, flip))
    groups = [GroupDelta("overall", "overall", a.overall, b.overall)]
    for kind, attr in (("domain", "by_domain"), ("capability", "by_capability"), ("difficulty", "by_difficulty")):
        rows_a = {g.name: g for g in getattr(a, attr)}
        rows_b = {g.name: g for g in getattr(b, attr)}
        names = list(rows_a) + [n for n in rows_b if n not in rows_a]
        groups += [GroupDelta(kind, n, rows_a.get(n), rows_b.get(n)) for n in names]
    ids_a, ids_b = {t.task_id for t in a.tasks}, {t.task_id for t in b.tasks}
    return Comparison(a=a, b=b, tasks=tasks, groups=groups, only_a=sorted(ids_a - ids_b),
                      only_b=sorted(ids_b - ids_a))


# ------------------------------------------------------------------ rendering

@dataclass
class Section:
    title: str
    headers: list[str]
    rows: list[list[str]]


def _fmt_score(v: float | None) -> str:
    return "-" if v is None else f"{v:.1f}"


def _fmt_rate(v: float | None) -> str:
    return "-" if v is None else f"{v * 100:.1f}%"


def _fmt_delta(v: float | None, pct: bool = False) -> str:
    if v is None:
        return "-"
    return f"{v * 100:+.1f}pp" if pct else f"{v:+.1f}"


def _group_rows(groups: list[GroupRow], k: int | None) -> list[list[str]]:
    rows = []
    for g in groups:
        row = [g.name, str(g.tasks), str(g.runs), _fmt_score(g.score), _fmt_rate(g.solved_rate)]
        if k:
            row.append(_fmt_rate(g.pass_at_k.get(k)))
        rows.append(row)
    return rows


def report_sections(r: Report) -> tuple[list[tuple[str, str]], list[Section]]:
    """The report as (label, value) facts and tables, for every output format."""
    facts = [("suite run", r.suite_run_id), ("suite", r.suite),
             ("agent", f"{r.agent}" + (f" / {r.model}" if r.model else "")),
             ("judge", r.judge or "none (rubric unjudged)"), ("sandbox", r.sandbox or "-"),
             ("samples", str(r.samples)),
             ("status", r.status + ("" if r.complete else f" ({r.missing_runs} of {r.planned_runs} runs missing)")),
             ("runs", f"{r.counted_runs} counted, {r.failed_runs} failed"
                      + (f"; {len(r.load_errors)} task(s) did not load and were not run" if r.load_errors else "")),
             ("score", _fmt_score(r.overall.score)), ("solved", _fmt_rate(r.overall.solved_rate))]
    k = r.samples if r.samples > 1 else None
    if k:
        facts += [(f"pass@{kk}", _fmt_rate(v)) for kk, v in r.overall.pass_at_k.items()]
    facts += [("tokens", f"{r.tokens_in} in + {r.tokens_out} out"), ("cost", f"${r.cost:.4f}"),
              ("time", (f"{r.wall_s:.1f} s wall, " if r.wall_s is not None else "") + f"{r.run_s:.1f} s in runs")]
    group_headers = ["tasks", "runs", "score", "solved"] + ([f"pass@{k}"] if k else [])
    sections = [Section(title, [title.split()[-1]] + group_headers, _group_rows(groups, k))
                for title, groups in (("by domain", r.by_domain), ("by capability", r.by_capability),
                                      ("by difficulty", r.by_difficulty)) if groups]
    task_rows = []
    for t in r.tasks:
        errors = sorted({(s.error or "")[:60] for s in t.runs if s.status == "failed"} - {""})
        task_rows.append([t.task_id, t.domain, t.difficulty, f"{t.n}/{r.samples}", _fmt_score(t.score),
                          f"{t.c}/{t.n}", "; ".join(errors)])
    sections.append(Section("by task", ["task", "domain", "difficulty", "runs", "score", "solved", "errors"],
                            task_rows))
    return facts, sections


def comparison_sections(c: Comparison) -> tuple[list[tuple[str, str]], list[Section]]:
    def who(r: Report) -> str:
        return f"{r.suite_run_id} ({r.agent}{' / ' + r.model if r.model else ''}, {r.suite})"

    facts = [("A", who(c.a)), ("B", who(c.b)),
             ("score", f"{_fmt_score(c.a.overall.score)} -> {_fmt_score(c.b.overall.score)} "
                       f"({_fmt_delta(c.groups[0].score_delta)})"),
             ("solved", f"{_fmt_rate(c.a.overall.solved_rate)} -> {_fmt_rate(c.b.overall.solved_rate)} "
                        f"({_fmt_delta(c.groups[0].solved_rate_delta, pct=True)})"),
             ("flips", f"{len(c.gained)} gained, {len(c.lost)} lost"),
             ("tokens", f"{c.a.tokens_in + c.a.tokens_out} -> {c.b.tokens_in + c.b.tokens_out}"),
             ("cost", f"${c.a.cost:.4f} -> ${c.b.cost:.4f}")]
    if c.only_a or c.only_b:
        facts.append(("unmatched", f"{len(c.only_a)} task(s) only in A, {len(c.only_b)} only in B"))
    group_rows = [[g.kind, g.name, _fmt_score(g.a.score if g.a else None), _fmt_score(g.b.score if g.b else None),
                   _fmt_delta(g.score_delta), _fmt_rate(g.a.solved_rate if g.a else None),
                   _fmt_rate(g.b.solved_rate if g.b else None), _fmt_delta(g.solved_rate_delta, pct=True)]
                  for g in c.groups]
    # biggest movers first, so the table reads as "what changed"
    tasks = sorted(c.tasks, key=lambda t: (t.flip is None, -abs(t.delta or 0.0), t.task_id))
    task_rows = [[t.task_id, _fmt_score(t.score_a), _fmt_score(t.score_b), _fmt_delta(t.delta),
                  _fmt_rate(t.solved_a), _fmt_rate(t.solved_b), t.flip or ""] for t in tasks]
    return facts, [
        Section("groups", ["kind", "group", "score A", "score B", "delta", "solved A", "solved B", "delta"],
                group_rows),
        Section("by task", ["task", "score A", "score B", "delta", "solved A", "solved B", "flip"], task_rows)]


def render_text(facts: list[tuple[str, str]], sections: list[Section]) -> str:
    """Plain aligned columns for a terminal."""
    width = max(len(label) for label, _ in facts)
    lines = [f"{label:<{width}}  {value}" for label, value in facts]
    for s in sections:
        widths = [max(len(str(x)) for x in [h] + [row[i] for row in s.rows]) for i, h in enumerate(s.headers)]
        lines += ["", s.title.upper()]
        for row in [s.headers] + s.rows:
            cells = [cell.ljust(w) if i == 0 or not _numeric(cell) else cell.rjust(w)
                     for i, (cell, w) in enumerate(zip(row, widths))]
            lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def render_markdown(facts: list[tuple[str, str]], sections: list[Section], title: str) -> str:
    def cell(value: str) -> str:
        return value.replace("|", "\\|") or " "

    lines = [f"# {title}", "", "| | |", "| --- | --- |"]
    lines += [f"| {cell(label)} | {cell(value)} |" for label, value in facts]
    for s in sections:
        lines += ["", f"## {s.title[0].upper()}{s.title[1:]}", "",
                  "| " + " | ".join(s.headers) + " |",
                  "| " + " | ".join("---:" if i and _numeric(s.rows[0][i] if s.rows else "") else "---"
                                    for i in range(len(s.headers))) + " |"]
        lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in s.rows]
    return "\n".join(lines)


def _numeric(text: str) -> bool:
    t = text.rstrip("%").rstrip("p").lstrip("+-$")
    if "/" in t:
        t = t.replace("/", "", 1)
    return t.replace(".", "", 1).isdigit()


def render_report(report: Report, fmt: str = "table") -> str:
    """A report as 'table' (terminal), 'markdown' or 'json'."""
    if fmt == "json":
        return json.dumps(report.to_dict(), indent=2, default=str)
    facts, sections = report_sections(report)
    if fmt == "markdown":
        return render_markdown(facts, sections, f"Suite report: {report.suite} ({report.suite_run_id})")
    if fmt == "table":
        return render_text(facts, sections)
    raise ValueError(f"--format must be one of table, markdown, json, got {fmt!r}")


def render_comparison(comparison: Comparison, fmt: str = "table") -> str:
    if fmt == "json":
        return json.dumps(comparison.to_dict(), indent=2, default=str)
    facts, sections = comparison_sections(comparison)
    if fmt == "markdown":
        return render_markdown(facts, sections, f"Suite comparison: {comparison.a.suite_run_id} vs "
                                                f"{comparison.b.suite_run_id}")
    if fmt == "table":
        return render_text(facts, sections)
    raise ValueError(f"--format must be one of table, markdown, json, got {fmt!r}")
