"""Deterministic checks on the final workspace. One function per check type; each returns a
CheckResult with what was observed next to what was expected, so a failure explains itself."""
from __future__ import annotations

import functools
import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Callable

import jsonschema

from sandbox import Sandbox

from .extract import ExtractError, as_number, csv_select, extract, parse_document, read_csv, resolve_pointer, values_equal
from .task import Check, Task


@dataclass
class CheckResult:
    id: str
    type: str
    passed: bool
    weight: float
    description: str
    observed: Any = None
    expected: Any = None
    message: str = ""
    value: float | None = None   # partial credit in [0, 1] (external graders); None: all or nothing

    @property
    def credit(self) -> float:
        """The share of `weight` this check earned."""
        return self.value if self.value is not None else (1.0 if self.passed else 0.0)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class CheckContext:
    """What a check may look at: the final workspace (read through the sandbox), the task and, when
    a recorder is given, the run's events (external checkers are handed the transcript)."""

    def __init__(self, task: Task, sandbox: Sandbox, recorder=None):
        self.task, self.sandbox, self.recorder = task, sandbox, recorder
        self.files = sandbox.snapshot()  # path -> sha256, taken once for every check
        self._text: dict[str, str] = {}
        self._checks_path: str | None = None
        self.shared: dict[str, Any] = {}  # state check types keep for the whole verification

    def events(self) -> list:
        """The run's events so far (empty without a recorder)."""
        if self.recorder is None:
            return []
        return list(self.recorder.store.events(self.recorder.run_id))

    def exists(self, path: str) -> bool:
        return path.strip("/") in self.files

    def text(self, path: str) -> str:
        path = path.strip("/")
        if path not in self.files:
            raise ExtractError(f"{path} does not exist")
        if path not in self._text:
            self._text[path] = self.sandbox.read_file(path).decode("utf-8", errors="replace")
        return self._text[path]

    def checks_path(self) -> str:
        """Stage the task's checks/ folder in the sandbox on first use (hidden until verification)."""
        if self._checks_path is None:
            self._checks_path = self.sandbox.stage(self.task.checks_dir, "checks")
        return self._checks_path


def _expectation(spec: dict[str, Any]) -> tuple[Any, Callable[[Any], bool]]:
    """The expected value (for display) and a predicate for the observed one."""
    if "equals" in spec:
        want = spec["equals"]
        return want, lambda v: values_equal(v, want, 0.0)
    if "approx" in spec:
        want, tol = spec["approx"], float(spec.get("tolerance", 1e-6))
        return f"{want} ± {tol}", lambda v: values_equal(v, want, tol) and as_number(v) is not None
    if "one_of" in spec:
        options = spec["one_of"]
        return {"one_of": options}, lambda v: any(values_equal(v, o, 0.0) for o in options)
    want = spec["contains"]
    return {"contains": want}, lambda v: (want in v) if isinstance(v, (str, list, dict)) else False


def _file_exists(c: Check, ctx: CheckContext) -> tuple[bool, Any, Any, str]:
    path, min_size = c.spec["path"], c.spec.get("min_size")
    if not ctx.exists(path):
        return False, "missing", "exists", f"{path} does not exist"
    if min_size:
        size = len(ctx.text(path).encode())
        return size >= min_size, f"{size} bytes", f">= {min_size} bytes", ""
    return True, "exists", "exists", ""


def _file_absent(c: Check, ctx: CheckContext):
    present = ctx.exists(c.spec["path"])
    return not present, "present" if present else "absent", "absent", ""


def _json_schema(c: Check, ctx: CheckContext):
    doc = parse_document(c.spec["path"], ctx.text(c.spec["path"]))
    errors = sorted(jsonschema.Draft202012Validator(c.spec["schema"]).iter_errors(doc), key=lambda e: list(e.path))
    if errors:
        e = errors[0]
        where = "/" + "/".join(map(str, e.path))
        return False, f"{len(errors)} schema error(s)", "valid", f"at {where}: {e.message}"
    return True, "valid", "valid", ""


def _json_value(c: Check, ctx: CheckContext):
    doc = parse_document(c.spec["path"], ctx.text(c.spec["path"]))
    value = resolve_pointer(doc, c.spec["pointer"])
    expected, ok = _expectation(c.spec)
    return ok(value), value, expected, ""


def _csv_columns(c: Check, ctx: CheckContext):
    header, rows = read_csv(c.spec["path"], ctx.text(c.spec["path"]))
    want = list(c.spec["columns"])
    if c.spec.get("exact"):
        ok = header == want
    else:
        ok = all(col in header for col in want)
    missing = [col for col in want if col not in header]
    message = f"missing columns: {', '.join(missing)}" if missing else ""
    min_rows = c.spec.get("min_rows")
    if ok and min_rows and len(rows) < min_rows:
        ok, message = False, f"{len(rows)} data rows, expected at least {min_rows}"
    return ok, header, want, message


def _csv_value(c: Check, ctx: CheckContext):
    s = c.spec
    value = csv_select(s["path"], ctx.text(s["path"]), s["column"], s.get("where"), s.get("aggregate"))
    expected, ok = _expectation(s)
    return ok(value), value, expected, ""


def _regex(c: Check, ctx: CheckContext):
    s = c.spec
    flags = (re.IGNORECASE if s.get("ignore_case") else 0) | (re.MULTILINE if s.get("multiline", True) else 0)
    matches = re.findall(s["pattern"], ctx.text(s["path"]), flags)
    must_match = s.get("must_match", True)
    if "count" in s:
        return len(matches) == s["count"], f"{len(matches)} matches", f"{s['count']} matches", ""
    found = bool(matches)
    return found == must_match, f"{len(matches)} matches", "a match" if must_match else "no match", ""


def _same_value(c: Check, ctx: CheckContext):
    a_spec, b_spec = c.spec["a"], c.spec["b"]
    a = extract(a_spec, ctx.text(a_spec["path"]))
    b = extract(b_spec, ctx.text(b_spec["path"]))
    tol = float(c.spec.get("tolerance", 1e-6))
    return values_equal(a, b, tol), {a_spec["path"]: a}, {b_spec["path"]: b}, ""


PYTHON_CHECK_OUTPUT = 16_000   # bytes of each stream a python check's verdict is read from


@functools.lru_cache(maxsize=1)
def _runner_source() -> str:
    """core/check_runner.py's text, sent into the sandbox; read once, not on every verification."""
    from . import check_runner

    return Path(check_runner.__file__).read_text(encoding="utf-8")


def _python_batch(ctx: CheckContext, staged: str) -> dict[str, dict[str, Any]]:
    """Every python check of the task in one sandbox exec (core.check_runner forks a process per
    check from one interpreter). {check id: result}; empty when the runner itself could not run,
    and the checks then run one exec each."""
    specs = [{"id": c.id, "script": f"{staged}/{c.spec['script']}", "args": [str(a) for a in c.spec.get("args", [])],
              "timeout": float(c.spec.get("timeout", 60)), "max_output": PYTHON_CHECK_OUTPUT}
             for c in ctx.task.checks if c.type == "python"]
    result = ctx.sandbox.exec(["python3", "-c", _runner_source(), json.dumps(specs)], cwd="", env={"CLAWBENCH_CHECKS": staged},
                              timeout=sum(s["timeout"] for s in specs) + 30.0,
                              max_output=len(specs) * 4 * PYTHON_CHECK_OUTPUT + 65_536)
    try:
        rows = json.loads(result.stdout) if result.ok and not result.truncated else []
    except json.JSONDecodeError:
        rows = []
    return {r["id"]: r for r in rows if isinstance(r, dict) and "id" in r}


def _python_alone(c: Check, ctx: CheckContext, staged: str) -> dict[str, Any]:
    argv = ["python3", f"{staged}/{c.spec['script']}", *c.spec.get("args", [])]
    r = ctx.sandbox.exec(argv, cwd="", env={"CLAWBENCH_CHECKS": staged},
                         timeout=float(c.spec.get("timeout", 60)), max_output=PYTHON_CHECK_OUTPUT)
    return {"exit": r.exit_code, "stdout": r.stdout, "stderr": r.stderr, "timed_out": r.timed_out}


def _python(c: Check, ctx: CheckContext):
    staged = ctx.checks_path()
    if "python_batch" not in ctx.shared:
        ctx.shared["python_batch"] = _python_batch(ctx, staged)
    result = ctx.shared["python_batch"].get(c.id) or _python_alone(c, ctx, staged)
    passed, observed, expected = result["exit"] == 0, f"exit {result['exit']}", "exit 0"
    message = (result["stderr"].strip().splitlines() or [""])[-1]
    if result["timed_out"]:
        return False, "timed out", expected, f"check script ran past {c.spec.get('timeout', 60)} s"
    lines = result["stdout"].strip().splitlines()
    if lines:
        try:
            verdict = json.loads(lines[-1])
        except json.JSONDecodeError:
            verdict = None
        if isinstance(verdict, dict) and isinstance(verdict.get("passed"), bool):
            passed = verdict["passed"]
            observed = verdict.get("observed", observed)
            expected = verdict.get("expected", expected)
            message = str(verdict.get("message", message))
    return passed, observed, expected, message


CHECKERS: dict[str, Callable[[Check, CheckContext], tuple[bool, Any, Any, str]]] = {
    "file_exists": _file_exists,
    "file_absent": _file_absent,
    "json_schema": _json_schema,
    "json_value": _json_value,
    "csv_columns": _csv_columns,
    "csv_value": _csv_value,
    "regex": _regex,
    "same_value": _same_value,
    "python": _python,
}


def run_check_results(check: Check, ctx: CheckContext) -> list[CheckResult]:
    """Evaluate one check into its results: one for every type but `grader`, whose external
    checker reports a value per named check of its own."""
    if check.type == "grader":
        from .interop.grading import run_grader

        return run_grader(check, ctx)
    return [run_check(check, ctx)]


def run_check(check: Check, ctx: CheckContext) -> CheckResult:
    """Evaluate one check. A missing or malformed artifact is a failed check, never an exception."""
    try:
        passed, observed, expected, message = CHECKERS[check.type](check, ctx)
    except ExtractError as e:
        passed, observed, expected, message = False, None, None, str(e)
    return CheckResult(id=check.id, type=check.type, passed=bool(passed), weight=check.weight,
                       description=check.description, observed=_jsonable(observed),
                       expected=_jsonable(expected), message=message)


def _jsonable(value: Any) -> Any:
    try:
        json.dumps(value)
        return value
    except (TypeError, ValueError):
        return str(value)
