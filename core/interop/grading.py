"""The `grader` check type: an external checker run inside the sandbox, one CheckResult per value.

Two ways to call it (task.yaml `checks[].module` or `checks[].command`):
- module: a file in checks/ defining grade(transcript, workspace_path) -> {name: value}. A small
  harness imports it and calls it with the run's transcript (OpenClaw shape, staged as JSON) and
  `workspace_path`; what the checker prints goes to stderr so it cannot be taken for the result.
- command: a shell command (a ClawGym hook such as `python3 reward/test.py /root/.openclaw/workspace`)
  run from the staged checks folder; its output is read back: the last JSON (or Python literal)
  object printed is the values, or a lone number is the score.

Values are floats in [0, 1] (booleans count as 1/0). Each becomes a result `<check id>.<name>`
carrying its value as partial credit; the check's weight is shared equally between them, so the
check contributes weight x mean(values), the way ClawGym and PinchBench score a task.
"""
from __future__ import annotations

import ast
import json
import math
import shutil
import tempfile
from pathlib import Path
from typing import Any

from sandbox import WORKDIR, SandboxError

from ..checks import CheckContext, CheckResult
from ..task import Check
from .transcript import openclaw_transcript

MARK = "@@CLAWBENCH-GRADE@@ "
MAX_OUTPUT = 200_000
DEFAULT_TIMEOUT_S = 120.0
ENV = {"PYTHONDONTWRITEBYTECODE": "1", "PYTHONIOENCODING": "utf-8"}

# Runs inside the sandbox on its python3: standard library only, no f-strings past 3.6 syntax.
HARNESS = '''"""clawbench: call an external grade(transcript, workspace_path) and print its result."""
import importlib.util, json, os, sys, traceback

MARK = %r


def main():
    module_path, transcript_path, workspace = sys.argv[1:4]
    with open(transcript_path, encoding="utf-8") as f:
        transcript = json.load(f)
    sys.path.insert(0, os.path.dirname(module_path))
    result_out, sys.stdout = sys.stdout, sys.stderr   # the checker's own prints are not its result
    try:
        spec = importlib.util.spec_from_file_location("external_checker", module_path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        grade = getattr(module, "grade", None)
        if not callable(grade):
            sys.stderr.write("no grade(transcript, workspace_path) function in %%s\\n" %% module_path)
            return 3
        result = grade(transcript, workspace)
    except Exception:
        traceback.print_exc()
        return 2
    finally:
        sys.stdout = result_out
    sys.stdout.write(MARK + json.dumps(result, default=repr) + "\\n")
    return 0


sys.exit(main())
''' % MARK


def run_grader(check: Check, ctx: CheckContext) -> list[CheckResult]:
    try:
        return _run(check, ctx)
    except (SandboxError, OSError) as e:   # e.g. nothing to stage: a failed check, not a failed run
        return [_failure(check, None, f"the checker could not run: {e}")]


def _run(check: Check, ctx: CheckContext) -> list[CheckResult]:
    spec = check.spec
    workspace_path = spec.get("workspace_path", WORKDIR)
    timeout = float(spec.get("timeout", DEFAULT_TIMEOUT_S))
    checks_dir = ctx.checks_path()
    run_dir = _stage_run_folder(ctx)
    env = {**ENV, "CLAWBENCH_CHECKS": checks_dir, "CLAWBENCH_WORKSPACE": workspace_path,
           "CLAWBENCH_TRANSCRIPT": f"{run_dir}/transcript.json"}
    if "module" in spec:
        argv = ["python3", f"{run_dir}/harness.py", f"{checks_dir}/{spec['module']}",
                f"{run_dir}/transcript.json", workspace_path]
    else:
        argv = ["sh", "-c", f'cd "$CLAWBENCH_CHECKS" && {substitute_workspace(spec["command"], workspace_path)}']
    result = ctx.sandbox.exec(argv, cwd="", env=env, timeout=timeout, max_output=MAX_OUTPUT)
    if result.timed_out:
        return [_failure(check, "timed out", f"the checker ran past {timeout:g} s")]
    values = _parse_marked(result.stdout) if "module" in spec else parse_checker_output(result.stdout)
    if result.exit_code != 0 or values is None:
        why = _tail(result.stderr) or _tail(result.stdout) or "it printed no result"
        return [_failure(check, f"exit {result.exit_code}", f"the checker failed: {why}")]
    return results_from_values(check, values)


def substitute_workspace(command: str, workspace_path: str) -> str:
    """Hooks written as templates name the workspace with a placeholder."""
    for token in ("{{workspace}}", "{workspace}", "<workspace>"):
        command = command.replace(token, workspace_path)
    return command


def _stage_run_folder(ctx: CheckContext) -> str:
    """Stage the harness and the transcript once per verification (outside the workspace)."""
    if "grader_run_dir" not in ctx.shared:
        tmp = Path(tempfile.mkdtemp(prefix="clawbench-grader-"))
        try:
            (tmp / "harness.py").write_text(HARNESS, encoding="utf-8")
            (tmp / "transcript.json").write_text(json.dumps(openclaw_transcript(ctx.events()), ensure_ascii=False),
                                                 encoding="utf-8")
            ctx.shared["grader_run_dir"] = ctx.sandbox.stage(tmp, "grader")
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    return ctx.shared["grader_run_dir"]


def _parse_marked(stdout: str) -> Any:
    for line in reversed(stdout.splitlines()):
        if line.startswith(MARK):
            try:
                return json.loads(line[len(MARK):])
            except json.JSONDecodeError:
                return None
    return None


def parse_checker_output(stdout: str) -> Any:
    """The result a hook printed: the whole output, the last `{...}` block, or the last line that
    reads as a JSON/Python-literal object or number (reward.sh prints the score last)."""
    text = stdout.strip()
    lines = text.splitlines()
    candidates = [text] + ["\n".join(lines[i:]) for i in range(len(lines) - 1, -1, -1) if lines[i].lstrip().startswith("{")]
    candidates += [line for line in reversed(lines) if line.strip()]
    for chunk in candidates:
        value = _literal(chunk.strip())
        if isinstance(value, dict) or (_is_number(value)):
            return value
    return None


def _literal(text: str) -> Any:
    try:
        return json.loads(text)
    except (json.JSONDecodeError, ValueError):
        pass
    try:
        return ast.literal_eval(text)   # print(scores) of a dict with True/False
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return None


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not (isinstance(value, float) and not math.isfinite(value))


def _coerce(value: Any) -> tuple[float | None, str]:
    """A value as a float in [0, 1] and a note, or None when it is no number at all."""
    if isinstance(value, bool):
        return (1.0 if value else 0.0), ""
    if isinstance(value, str):
        try:
            value = float(value)
        except ValueError:
            return None, f"not a number ({value!r:.60}): left out of the score"
    if not _is_number(value):
        return None, f"not a number ({value!r:.60}): left out of the score"
    if value < 0 or value > 1:
        return min(1.0, max(0.0, float(value))), f"clamped from {value} to [0, 1]"
    return float(value), ""


def results_from_values(check: Check, values: Any) -> list[CheckResult]:
    if not isinstance(values, dict):
        values = {None: values}     # a lone score (reward.sh, or a grade() returning a number)
    if not values:
        return [_failure(check, {}, "the checker returned no checks")]
    coerced = {name: _coerce(v) for name, v in values.items()}
    counted = sum(1 for v, _ in coerced.values() if v is not None)
    results = []
    for name, (value, note) in coerced.items():
        cid = check.id if name is None else f"{check.id}.{name}"
        label = check.description if name is None else f"{name} ({check.description})"
        if value is None:
            results.append(CheckResult(id=cid, type="grader", passed=False, weight=0.0, description=label,
                                       observed=_jsonable(values[name]), expected="a number in [0, 1]",
                                       message=note))
            continue
        results.append(CheckResult(id=cid, type="grader", passed=value >= 1.0 - 1e-9, weight=check.weight / counted,
                                   description=label, observed=value, expected=1.0, message=note, value=value))
    if not counted:
        results.append(_failure(check, None, "none of the checker's values is a number"))
    return results


def _failure(check: Check, observed: Any, message: str) -> CheckResult:
    return CheckResult(id=check.id, type="grader", passed=False, weight=check.weight, description=check.description,
                       observed=_jsonable(observed), expected="the checker's values", message=message, value=0.0)


def _jsonable(value: Any) -> Any:
    try:
        json.dumps(value)
        return value
    except (TypeError, ValueError):
        return repr(value)


def _tail(text: str, lines: int = 6) -> str:
    return " | ".join(line.strip() for line in text.strip().splitlines()[-lines:] if line.strip())[:1500]
