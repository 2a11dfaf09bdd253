"""Small builders the families use to state stage 3 (checks, reference solution, mutants) without
repeating the task format's dict shapes."""
from __future__ import annotations

from typing import Any

from .model import Verification


class MutantBuilder:
    """A near-miss: the reference solution followed by these spoiling steps."""

    def __init__(self, owner: "VerificationBuilder", mid: str, description: str):
        self.owner, self.id = owner, mid
        self.data: dict[str, Any] = {"id": mid, "description": description, "steps": []}

    def write(self, path: str, content: str) -> "MutantBuilder":
        rel = f"{self.id}/{path}"
        self.owner.mutant_files[rel] = content
        self.data["steps"].append({"tool": "write_file", "args": {"path": path, "content_file": rel}})
        return self

    def edit(self, path: str, old: str, new: str) -> "MutantBuilder":
        self.data["steps"].append({"tool": "edit_file", "args": {"path": path, "old": old, "new": new}})
        return self

    def delete(self, path: str) -> "MutantBuilder":
        self.data["steps"].append({"tool": "delete_file", "args": {"path": path}})
        return self

    def exec(self, command: str) -> "MutantBuilder":
        self.data["steps"].append({"tool": "exec", "args": {"command": command}})
        return self


class VerificationBuilder:
    def __init__(self) -> None:
        self.checks: list[dict[str, Any]] = []
        self.solution: list[dict[str, Any]] = []
        self.rubric: list[dict[str, Any]] = []
        self.solution_files: dict[str, str] = {}
        self.mutant_files: dict[str, str] = {}
        self.check_files: dict[str, str] = {}
        self._mutants: list[MutantBuilder] = []

    # -- checks ------------------------------------------------------------------------------
    def check(self, cid: str, ctype: str, description: str, weight: float = 1, **spec: Any) -> None:
        taken = {c["id"] for c in self.checks}
        unique, n = cid, 2
        while unique in taken:   # ids built from data (slugs) may collide; the loader demands unique ones
            unique, n = f"{cid}-{n}", n + 1
        self.checks.append({"id": unique, "type": ctype, **spec, "weight": weight, "description": description})

    def python_check(self, cid: str, description: str, script_name: str, script: str,
                     args: list[str] | None = None, weight: float = 1) -> None:
        self.check_files[script_name] = script
        extra = {"args": list(args)} if args else {}
        self.check(cid, "python", description, weight, script=script_name, **extra)

    def rubric_item(self, rid: str, criterion: str, artifacts: list[str], weight: float = 1) -> None:
        self.rubric.append({"id": rid, "criterion": criterion, "artifacts": list(artifacts), "weight": weight})

    # -- reference solution -------------------------------------------------------------------
    def write(self, path: str, content: str) -> None:
        self.solution_files[path] = content
        self.solution.append({"tool": "write_file", "args": {"path": path, "content_file": path}})

    def edit(self, path: str, old: str, new: str) -> None:
        self.solution.append({"tool": "edit_file", "args": {"path": path, "old": old, "new": new}})

    def delete(self, path: str) -> None:
        self.solution.append({"tool": "delete_file", "args": {"path": path}})

    def exec(self, command: str) -> None:
        self.solution.append({"tool": "exec", "args": {"command": command}})

    def read(self, path: str) -> None:
        self.solution.append({"tool": "read_file", "args": {"path": path}})

    # -- mutants ------------------------------------------------------------------------------
    def mutant(self, mid: str, description: str) -> MutantBuilder:
        m = MutantBuilder(self, mid, description)
        self._mutants.append(m)
        return m

    def _changes_nothing(self, m: MutantBuilder) -> bool:
        """A mutant that only rewrites solution files with the solution's own content is no near-miss
        (e.g. 'tags not trimmed' when no tag had spaces); the gate would rightly reject the task."""
        steps = m.data["steps"]
        return bool(steps) and all(
            s["tool"] == "write_file" and "content_file" in s["args"]
            and self.solution_files.get(s["args"]["path"]) == self.mutant_files[s["args"]["content_file"]]
            for s in steps)

    def build(self) -> Verification:
        kept = [m for m in self._mutants if m.data["steps"] and not self._changes_nothing(m)]
        for m in self._mutants:
            if m not in kept:
                for s in m.data["steps"]:
                    self.mutant_files.pop(s["args"].get("content_file", ""), None)
        mutants = [m.data for m in kept]
        return Verification(checks=self.checks, solution=self.solution, mutants=mutants, rubric=self.rubric,
                            solution_files=self.solution_files, mutant_files=self.mutant_files,
                            check_files=self.check_files)

