"""Writing a draft out as a task folder in our format (task.yaml, workspace/, solution/, mutants/,
checks/) plus synth.json, the record of how it was made. Output is byte-for-byte a function of the
draft: keys in a fixed order, no timestamps."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import yaml

from .model import Draft

_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _TaskDumper(_Dumper):  # type: ignore[misc, valid-type]
    """Multi-line strings as literal blocks, so instructions and file contents stay readable."""


def _str(dumper, value: str):
    style = "|" if "\n" in value and not any(ord(c) < 32 and c not in "\n\t" for c in value) else None
    if style and any(line != line.rstrip(" \t") for line in value.split("\n")):
        style = None   # trailing spaces cannot be kept in a literal block
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_TaskDumper.add_representer(str, _str)


def dump_yaml(data: Any) -> str:
    return yaml.dump(data, Dumper=_TaskDumper, sort_keys=False, allow_unicode=True, width=110)


def task_document(d: Draft) -> dict[str, Any]:
    v, p = d.verification, d.plan
    doc: dict[str, Any] = {
        "id": d.id, "title": p.title, "domain": p.domain, "capabilities": list(p.capabilities),
        "difficulty": p.difficulty, "persona": d.persona.describe(), "origin": d.origin,
        "instruction": p.instruction, "skills": list(d.skills), "limits": d.limits, "checks": v.checks,
    }
    if v.rubric:
        doc["rubric"] = v.rubric
    doc["solution"] = v.solution
    if v.mutants:
        doc["mutants"] = v.mutants
    return doc


def synth_record(d: Draft) -> dict[str, Any]:
    """What synth.json keeps about the stages (the task.yaml holds the rest)."""
    return {"stage1": {"intent": d.plan.intent, "expected_artifacts": list(d.plan.expected_artifacts)},
            "stage2": {"files": len(d.workspace.files), "kinds": d.workspace.kinds(), "traps": list(d.workspace.traps)},
            "stage3": {"checks": len(d.verification.checks), "rubric": len(d.verification.rubric),
                       "solution_steps": len(d.verification.solution), "mutants": len(d.verification.mutants)},
            "persona": {"id": d.persona.id, "name": d.persona.name, "role": d.persona.role,
                        "organisation": d.persona.organisation, "sector": d.persona.sector}}


def _write_tree(root: Path, files: dict[str, str | bytes]) -> None:
    for rel, content in sorted(files.items()):
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")


def write_task(d: Draft, folder: Path, extra: dict[str, Any] | None = None) -> Path:
    """Write the task into `folder` (replaced if it exists); returns it."""
    folder = Path(folder)
    if folder.exists():
        shutil.rmtree(folder)
    (folder / "workspace").mkdir(parents=True)
    _write_tree(folder / "workspace", d.workspace.files)
    _write_tree(folder / "solution", d.verification.solution_files)
    _write_tree(folder / "mutants", d.verification.mutant_files)
    _write_tree(folder / "checks", d.verification.check_files)
    (folder / "task.yaml").write_text(dump_yaml(task_document(d)), encoding="utf-8")
    write_synth_json(folder, {**synth_record(d), **(extra or {})})
    return folder


def write_synth_json(folder: Path, record: dict[str, Any]) -> None:
    (Path(folder) / "synth.json").write_text(json.dumps(record, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def move_into_place(staging: Path, final: Path) -> None:
    """Atomically (per folder) publish a staged task; a leftover from an interrupted run is replaced."""
    final.parent.mkdir(parents=True, exist_ok=True)
    if final.exists():
        shutil.rmtree(final)
    os.replace(staging, final)
