"""The task model and its loader.

A task is a folder (task.yaml, workspace/, checks/, solution/); see docs/task-format.md.
Loading validates every field up front so that a broken task fails with the file, the
field and what was expected, never with a traceback from deep inside a run.
"""
from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

DOMAINS = {
    "productivity": "productivity & collaboration",
    "systems": "systems & automation",
    "analysis": "analysis & reasoning",
    "content": "content & domain support",
    "planning": "planning & knowledge management",
    "software": "software development",
}
CAPABILITIES = {
    "file-state": "file-state understanding",
    "tool-selection": "tool selection",
    "long-range": "long-range execution",
    "fine-grained": "fine-grained output requirements",
    "error-recovery": "error recovery",
    "cross-file": "cross-file consistency",
}
DIFFICULTIES = ("easy", "medium", "hard")
ROUTES = ("hand", "persona", "skill")
SOLUTION_TOOLS = ("read_file", "write_file", "edit_file", "list_files", "search", "exec", "delete_file")
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)   # libyaml when present: 5x faster loads
ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]*$")

# Fields each check type accepts beyond the common ones; the values are the required subset.
CHECK_FIELDS: dict[str, tuple[set[str], set[str]]] = {
    "file_exists": ({"path"}, {"min_size"}),
    "file_absent": ({"path"}, set()),
    "json_schema": ({"path", "schema"}, set()),
    "json_value": ({"path", "pointer"}, {"equals", "approx", "tolerance", "one_of", "contains"}),
    "csv_columns": ({"path", "columns"}, {"exact", "min_rows"}),
    "csv_value": ({"path", "column"}, {"where", "aggregate", "equals", "approx", "tolerance"}),
    "regex": ({"path", "pattern"}, {"must_match", "ignore_case", "multiline", "count"}),
    "same_value": ({"a", "b"}, {"tolerance"}),
    "python": ({"script"}, {"args", "timeout"}),
    # an external checker: `module` (a file in checks/ defining grade(transcript, workspace_path)) or
    # `command` (a shell command run from the staged checks folder); see core/interop/grading.py
    "grader": (set(), {"module", "command", "workspace_path", "timeout"}),
}
COMMON_CHECK_FIELDS = {"id", "type", "weight", "description"}
EXPECTATION_KEYS = ("equals", "approx", "one_of", "contains")
AGGREGATES = ("sum", "mean", "count", "min", "max")
TASK_FIELDS = {
    "id", "title", "domain", "capabilities", "difficulty", "persona", "origin", "instruction",
    "skills", "limits", "checks", "rubric", "rubric_threshold", "solution", "mutants",
    "workspace_aliases", "source",
}
REQUIRED_TASK_FIELDS = ("id", "title", "domain", "difficulty", "instruction", "checks")


class TaskError(ValueError):
    """A task that cannot be loaded: names the file, the field and what was expected."""

    def __init__(self, file: Path | str, field: str, expected: str):
        self.file, self.field, self.expected = str(file), field, expected
        super().__init__(f"{file}: {field}: {expected}")


@dataclass(frozen=True)
class Limits:
    turns: int = 30
    wall_s: float = 600.0
    tokens: int = 200_000


@dataclass(frozen=True)
class Check:
    id: str
    type: str
    weight: float
    description: str
    spec: dict[str, Any]  # the type-specific fields, validated


@dataclass(frozen=True)
class RubricItem:
    id: str
    criterion: str
    artifacts: tuple[str, ...]
    weight: float = 1.0


@dataclass(frozen=True)
class SolutionStep:
    tool: str
    args: dict[str, Any]


@dataclass(frozen=True)
class Mutant:
    """A near-miss of the reference output (one number off, a missing column...): the solution
    followed by these steps must NOT solve the task, which proves the checks are sharp."""
    id: str
    description: str
    steps: tuple[SolutionStep, ...]


@dataclass(frozen=True)
class Task:
    id: str
    title: str
    domain: str
    difficulty: str
    instruction: str
    path: Path
    capabilities: tuple[str, ...] = ()
    persona: str = ""
    origin: dict[str, Any] = field(default_factory=lambda: {"route": "hand"})
    skills: tuple[str, ...] = ()
    limits: Limits = Limits()
    checks: tuple[Check, ...] = ()
    rubric: tuple[RubricItem, ...] = ()
    rubric_threshold: float = 0.7
    solution: tuple[SolutionStep, ...] = ()
    mutants: tuple[Mutant, ...] = ()
    workspace_aliases: tuple[str, ...] = ()   # absolute paths the sandbox also shows the workspace at
    source: dict[str, Any] = field(default_factory=dict)  # where an imported task came from (format, path, id)

    @property
    def workspace_dir(self) -> Path:
        return self.path / "workspace"

    @property
    def checks_dir(self) -> Path:
        return self.path / "checks"

    @property
    def solution_dir(self) -> Path:
        return self.path / "solution"

    def workspace_files(self) -> list[str]:
        """Relative paths of the initial workspace files, sorted."""
        root = self.workspace_dir
        return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())

    def fingerprint(self) -> str:
        """A hash of the task definition and initial workspace, to tell edited tasks apart."""
        h = hashlib.sha256((self.path / "task.yaml").read_bytes())
        for rel in self.workspace_files():
            h.update(rel.encode())
            h.update((self.workspace_dir / rel).read_bytes())
        return h.hexdigest()[:16]


# ---------------------------------------------------------------- validation helpers

class _Fields:
    """Typed access to one mapping of a task file, raising TaskError with the dotted field name."""

    def __init__(self, file: Path, prefix: str, data: Any):
        if not isinstance(data, dict):
            raise TaskError(file, prefix or "(document)", f"a mapping, got {type(data).__name__}")
        self.file, self.prefix, self.data = file, prefix, data

    def name(self, key: str) -> str:
        return f"{self.prefix}.{key}" if self.prefix else key

    def fail(self, key: str, expected: str) -> TaskError:
        return TaskError(self.file, self.name(key), expected)

    def only(self, allowed: set[str]) -> None:
        unknown = sorted(set(self.data) - allowed)
        if unknown:
            raise self.fail(unknown[0], f"unknown field; expected one of {', '.join(sorted(allowed))}")

    def require(self, *keys: str) -> None:
        for key in keys:
            if key not in self.data:
                raise self.fail(key, "required field is missing")

    def str(self, key: str, default: str | None = None, *, nonempty: bool = True) -> str:
        value = self.data.get(key, default)
        if not isinstance(value, str) or (nonempty and not value.strip()):
            raise self.fail(key, f"a non-empty string, got {value!r}")
        return value

    def number(self, key: str, default: float, *, positive: bool = True) -> float:
        value = self.data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or (positive and value <= 0):
            raise self.fail(key, f"a {'positive ' if positive else ''}number, got {value!r}")
        return float(value)

    def int(self, key: str, default: int) -> int:
        value = self.data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            raise self.fail(key, f"a positive integer, got {value!r}")
        return value

    def bool(self, key: str, default: bool) -> bool:
        value = self.data.get(key, default)
        if not isinstance(value, bool):
            raise self.fail(key, f"true or false, got {value!r}")
        return value

    def choice(self, key: str, choices, default: str | None = None) -> str:
        value = self.data.get(key, default)
        if value not in choices:
            raise self.fail(key, f"one of {', '.join(choices)}, got {value!r}")
        return value

    def str_list(self, key: str, choices=None) -> tuple[str, ...]:
        value = self.data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(key, f"a list of strings, got {value!r}")
        if choices is not None:
            for v in value:
                if v not in choices:
                    raise self.fail(key, f"values from {', '.join(choices)}, got {v!r}")
        return tuple(value)

    def list(self, key: str) -> list:
        value = self.data.get(key, [])
        if not isinstance(value, list):
            raise self.fail(key, f"a list, got {type(value).__name__}")
        return value


def _check_relpath(f: _Fields, key: str) -> str:
    value = f.str(key)
    if value.startswith("/") or ".." in value.split("/"):
        raise f.fail(key, f"a path relative to the workspace root without '..', got {value!r}")
    return value


def _check_expectation(f: _Fields, required: bool = True) -> None:
    given = [k for k in EXPECTATION_KEYS if k in f.data]
    if len(given) > 1:
        raise f.fail(given[1], f"only one of {', '.join(EXPECTATION_KEYS)} may be given")
    if required and not given:
        raise f.fail("equals", f"one of {', '.join(EXPECTATION_KEYS)} is required")
    if "approx" in f.data:
        f.number("approx", 0.0, positive=False)
    if "tolerance" in f.data:
        f.number("tolerance", 1e-6, positive=False)
    if "one_of" in f.data and not isinstance(f.data["one_of"], list):
        raise f.fail("one_of", "a list of accepted values")


def _check_csv_selector(f: _Fields) -> None:
    f.str("column")
    if "where" in f.data and not isinstance(f.data["where"], dict):
        raise f.fail("where", "a mapping of column -> value")
    if "aggregate" in f.data:
        f.choice("aggregate", AGGREGATES)
    elif "where" not in f.data:
        raise f.fail("where", "either where (row lookup) or aggregate is required")


def _check_extractor(file: Path, prefix: str, data: Any) -> None:
    f = _Fields(file, prefix, data)
    f.only({"path", "pointer", "column", "where", "aggregate", "regex"})
    _check_relpath(f, "path")
    kinds = [k for k in ("pointer", "column", "regex") if k in f.data]
    if len(kinds) != 1:
        raise f.fail("pointer", "exactly one of pointer, column (with where/aggregate) or regex")
    if kinds[0] == "column":
        _check_csv_selector(f)
    elif kinds[0] == "regex":
        try:
            re.compile(f.str("regex"))
        except re.error as e:
            raise f.fail("regex", f"a valid Python regex ({e})") from None
    else:
        f.str("pointer")


def _parse_check(task_dir: Path, file: Path, index: int, data: Any, seen: set[str]) -> Check:
    f = _Fields(file, f"checks[{index}]", data)
    f.require("id", "type")
    ctype = f.choice("type", tuple(CHECK_FIELDS))
    required, optional = CHECK_FIELDS[ctype]
    f.only(COMMON_CHECK_FIELDS | required | optional)
    cid = f.str("id")
    if cid in seen:
        raise f.fail("id", f"a unique check id, {cid!r} is used twice")
    seen.add(cid)
    f.require(*sorted(required))
    weight = f.number("weight", 1.0)
    description = f.str("description", f"{ctype} {data.get('path', data.get('script', ''))}".strip())
    if "path" in required:
        _check_relpath(f, "path")
    if ctype == "file_exists" and "min_size" in f.data:
        f.int("min_size", 1)
    elif ctype == "json_schema":
        if not isinstance(f.data["schema"], dict):
            raise f.fail("schema", "a JSON Schema mapping")
        import jsonschema

        try:
            jsonschema.Draft202012Validator.check_schema(f.data["schema"])
        except jsonschema.SchemaError as e:
            raise f.fail("schema", f"a valid JSON Schema ({e.message})") from None
    elif ctype == "json_value":
        f.str("pointer")
        _check_expectation(f)
    elif ctype == "csv_columns":
        f.str_list("columns")
        if not f.data["columns"]:
            raise f.fail("columns", "at least one column name")
        f.bool("exact", False)
        if "min_rows" in f.data:
            f.int("min_rows", 1)
    elif ctype == "csv_value":
        _check_csv_selector(f)
        _check_expectation(f)
    elif ctype == "regex":
        try:
            re.compile(f.str("pattern"))
        except re.error as e:
            raise f.fail("pattern", f"a valid Python regex ({e})") from None
        for key in ("must_match", "ignore_case", "multiline"):
            f.bool(key, key != "ignore_case")
        if "count" in f.data:
            value = f.data["count"]
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise f.fail("count", f"a non-negative integer, got {value!r}")
    elif ctype == "same_value":
        _check_extractor(file, f.name("a"), f.data["a"])
        _check_extractor(file, f.name("b"), f.data["b"])
        if "tolerance" in f.data:
            f.number("tolerance", 1e-6, positive=False)
    elif ctype == "python":
        script = f.str("script")
        if not (task_dir / "checks" / script).is_file():
            raise f.fail("script", f"a file in {task_dir / 'checks'}; {script!r} does not exist")
        f.str_list("args")
        f.number("timeout", 60.0)
    elif ctype == "grader":
        given = [k for k in ("module", "command") if k in f.data]
        if len(given) != 1:
            raise f.fail("module", "exactly one of module (a file in checks/ defining grade()) or command")
        if "module" in f.data:
            module = f.str("module")
            if ".." in module.split("/") or module.startswith("/") or not (task_dir / "checks" / module).is_file():
                raise f.fail("module", f"a file in {task_dir / 'checks'}; {module!r} does not exist")
        else:
            f.str("command")
        if not f.str("workspace_path", "/workspace").startswith("/"):
            raise f.fail("workspace_path", f"an absolute path, got {f.data['workspace_path']!r}")
        f.number("timeout", 120.0)
    spec = {k: v for k, v in data.items() if k not in COMMON_CHECK_FIELDS}
    return Check(id=cid, type=ctype, weight=weight, description=description, spec=spec)


def _parse_rubric(file: Path, index: int, data: Any, seen: set[str]) -> RubricItem:
    f = _Fields(file, f"rubric[{index}]", data)
    f.only({"id", "criterion", "artifacts", "weight"})
    f.require("id", "criterion")
    rid = f.str("id")
    if rid in seen:
        raise f.fail("id", f"a unique rubric id, {rid!r} is used twice")
    seen.add(rid)
    return RubricItem(id=rid, criterion=f.str("criterion"), artifacts=f.str_list("artifacts"),
                      weight=f.number("weight", 1.0))


def _parse_solution_step(task_dir: Path, file: Path, index: int, data: Any,
                         prefix: str = "solution", folder: str = "solution") -> SolutionStep:
    f = _Fields(file, f"{prefix}[{index}]", data)
    f.only({"tool", "args"})
    tool = f.choice("tool", SOLUTION_TOOLS)
    args = dict(f.data.get("args") or {})
    if not isinstance(f.data.get("args", {}), dict):
        raise f.fail("args", "a mapping of tool arguments")
    if "content_file" in args:
        src = task_dir / folder / str(args["content_file"])
        if not src.is_file():
            raise TaskError(file, f"{prefix}[{index}].args.content_file", f"a file under {folder}/; {src} does not exist")
    return SolutionStep(tool=tool, args=args)


def _parse_mutant(task_dir: Path, file: Path, index: int, data: Any, seen: set[str]) -> Mutant:
    f = _Fields(file, f"mutants[{index}]", data)
    f.only({"id", "description", "steps"})
    f.require("id", "description", "steps")
    mid = f.str("id")
    if mid in seen:
        raise f.fail("id", f"a unique mutant id, {mid!r} is used twice")
    seen.add(mid)
    steps = tuple(_parse_solution_step(task_dir, file, i, s, prefix=f"mutants[{index}].steps", folder="mutants")
                  for i, s in enumerate(f.list("steps")))
    if not steps:
        raise f.fail("steps", "at least one step that alters the reference output")
    return Mutant(id=mid, description=f.str("description"), steps=steps)


def _default_solution(task_dir: Path) -> tuple[SolutionStep, ...]:
    """Without a `solution:` list the oracle writes every solution/ file to the same path."""
    root = task_dir / "solution"
    if not root.is_dir():
        return ()
    return tuple(
        SolutionStep("write_file", {"path": p.relative_to(root).as_posix(), "content_file": p.relative_to(root).as_posix()})
        for p in sorted(root.rglob("*")) if p.is_file()
    )


def load_task(path: Path | str) -> Task:
    """Load and validate one task folder (or its task.yaml)."""
    path = Path(path)
    task_dir = path.parent if path.name == "task.yaml" else path
    file = task_dir / "task.yaml"
    if not file.is_file():
        raise TaskError(file, "(file)", "a task folder containing task.yaml")
    try:
        data = yaml.load(file.read_text(encoding="utf-8"), Loader=_YAML_LOADER)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else "(document)"
        raise TaskError(file, where, f"valid YAML ({getattr(e, 'problem', e)})") from None
    except UnicodeDecodeError:
        raise TaskError(file, "(file)", "UTF-8 text") from None
    f = _Fields(file, "", data)
    f.only(TASK_FIELDS)
    f.require(*REQUIRED_TASK_FIELDS)
    task_id = f.str("id")
    if not ID_RE.match(task_id):
        raise f.fail("id", f"lowercase letters, digits, '.', '_' or '-', got {task_id!r}")
    if not (task_dir / "workspace").is_dir():
        raise TaskError(file, "workspace", f"a workspace/ folder next to task.yaml ({task_dir / 'workspace'} is missing)")
    domain = data.get("domain")
    if domain not in DOMAINS:
        raise f.fail("domain", "one of " + ", ".join(f"{k} ({v})" for k, v in DOMAINS.items()) + f", got {domain!r}")

    origin = data.get("origin", {"route": "hand"})
    of = _Fields(file, "origin", origin)
    of.only({"route", "persona", "skills", "generator", "seed", "family"})
    of.choice("route", ROUTES, "hand")

    limits_data = data.get("limits", {}) or {}
    lf = _Fields(file, "limits", limits_data)
    lf.only({"turns", "wall_s", "tokens"})
    limits = Limits(turns=lf.int("turns", 30), wall_s=lf.number("wall_s", 600.0), tokens=lf.int("tokens", 200_000))

    raw_checks = f.list("checks")
    if not raw_checks and not f.list("rubric"):
        raise f.fail("checks", "at least one check (or, for a judge-only task, a rubric)")
    seen: set[str] = set()
    checks = tuple(_parse_check(task_dir, file, i, c, seen) for i, c in enumerate(raw_checks))
    seen_rubric: set[str] = set()
    rubric = tuple(_parse_rubric(file, i, r, seen_rubric) for i, r in enumerate(f.list("rubric")))
    threshold = f.number("rubric_threshold", 0.7)
    if threshold > 1:
        raise f.fail("rubric_threshold", f"a number in (0, 1], got {threshold}")
    if "solution" in data:
        solution = tuple(_parse_solution_step(task_dir, file, i, s) for i, s in enumerate(f.list("solution")))
    else:
        solution = _default_solution(task_dir)
    seen_mutants: set[str] = set()
    mutants = tuple(_parse_mutant(task_dir, file, i, m, seen_mutants) for i, m in enumerate(f.list("mutants")))
    aliases = _workspace_aliases(file, f)
    for i, check in enumerate(checks):
        where = check.spec.get("workspace_path", "/workspace")
        if check.type == "grader" and where != "/workspace" and where not in aliases:
            raise TaskError(file, f"checks[{i}].workspace_path", f"/workspace or one of workspace_aliases, so that "
                            f"the checker finds the workspace there; add {where!r} to workspace_aliases")
    source = data.get("source") or {}
    if not isinstance(source, dict):
        raise f.fail("source", f"a mapping (format, path, id), got {type(source).__name__}")

    return Task(
        id=task_id, title=f.str("title"), domain=domain, difficulty=f.choice("difficulty", DIFFICULTIES),
        instruction=f.str("instruction"), path=task_dir.resolve(),
        capabilities=f.str_list("capabilities", tuple(CAPABILITIES)), persona=f.str("persona", "", nonempty=False),
        origin=dict(origin), skills=f.str_list("skills"), limits=limits, checks=checks, rubric=rubric,
        rubric_threshold=threshold, solution=solution, mutants=mutants, workspace_aliases=aliases,
        source=dict(source),
    )


def _workspace_aliases(file: Path, f: _Fields) -> tuple[str, ...]:
    from sandbox import SandboxPathError, check_aliases

    try:
        return check_aliases(f.str_list("workspace_aliases"))
    except SandboxPathError as e:
        raise f.fail("workspace_aliases", str(e)) from None


def find_task_dirs(root: Path | str) -> list[Path]:
    """Every folder under root (or root itself) that holds a task.yaml, sorted."""
    root = Path(root)
    if (root / "task.yaml").is_file():
        return [root]
    found = []
    for folder, subdirs, files in os.walk(root, followlinks=True):   # a suite may link to tasks elsewhere
        if "task.yaml" in files:
            found.append(Path(folder))
            subdirs.clear()     # a task's own folders (workspace/, solution/) hold no tasks
    return sorted(found)


def load_tasks(root: Path | str) -> tuple[list[Task], list[TaskError]]:
    """Load every task under root; broken ones are returned as errors, not raised, so one bad
    task never hides the rest of a suite. Root may also be, or hold, task sets in the ClawGym and
    PinchBench formats (a JSONL file, a task_*.md file, folders with data_entry.json): those are
    converted on the fly (core.interop) and load like ours."""
    from .interop import load_external

    root = Path(root)
    tasks, errors = [], []
    for d in (find_task_dirs(root) if root.is_dir() else []):
        try:
            tasks.append(load_task(d))
        except TaskError as e:
            errors.append(e)
    external, external_errors = load_external(root)
    return tasks + external, errors + external_errors


BUILTIN_SUITES = Path(__file__).parent / "suites"


def default_task_root() -> Path:
    return BUILTIN_SUITES


def resolve_task(ref: str | Path) -> Task:
    """A task by folder path, or by id among the built-in suites. An external task set (ClawGym,
    PinchBench) holding one task resolves to it; pick one of several with PATH#TASK_ID."""
    from .interop import resolve_external

    p = Path(ref)
    if p.exists() and (p.is_dir() and (p / "task.yaml").is_file() or p.name == "task.yaml"):
        return load_task(p)
    if p.exists() or (str(ref).count("#") == 1 and Path(str(ref).split("#")[0]).exists()):
        return resolve_external(str(ref))
    for d in find_task_dirs(BUILTIN_SUITES):
        if d.name == str(ref):
            return load_task(d)
    raise TaskError(str(ref), "(task)", f"a task folder or the id of a built-in task under {BUILTIN_SUITES}")
