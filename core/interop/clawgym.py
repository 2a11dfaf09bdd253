"""ClawGym tasks, in both published forms, converted to TaskDrafts.

Folder form (one folder per task):
    data_entry.json   task_id, user_query, input_mount_dir, metadata {category, grading_type}
    input_files/      the initial workspace (shown at input_mount_dir)
    reward/check.py   grade(transcript, workspace_path) -> {check: 0..1} (standard library only)
    reward/reward.sh  prints the task score (the mean) as its last line
    solution/         ours, optional: the reference solution the oracle replays

JSONL form (one task a line): prompt, hook_code (the verify command, e.g.
`python3 reward/test.py /root/.openclaw/workspace`), input_files [{file_path, content}] where files
under reward/ are the hidden checker, optional rule/rules (rubric), category, macro_category,
origin_template, task_id. Reference solutions: solutions/<task id>/ next to the JSONL file.

The checker goes to checks/ (staged only to verify) and runs as a `grader` check; a rubric
{eval_type: llm_rubric, rules: [{name, file_path, scores}]} becomes rubric items; hybrid tasks
weigh 0.7 code + 0.3 rubric, as ClawGym does.
"""
from __future__ import annotations

import ast
import json
import posixpath
import shlex
from pathlib import Path
from typing import Any

from sandbox import SandboxPathError, WORKDIR, check_aliases

from ..task import TaskError
from .materialize import (TaskDraft, clean_relpath, guess_domain, read_solution, read_tree, slug_id, title_from,
                          unique_id)

OPENCLAW_WORKSPACE = "/root/.openclaw/workspace"   # where OpenClaw (and so ClawGym's checkers) keep it
HYBRID_WEIGHTS = (0.7, 0.3)                          # code, rubric
CODE, RUBRIC, HYBRID = "code", "rubric", "hybrid"
GRADING_NAMES = {"automated": CODE, "code": CODE, "llm_judge": RUBRIC, "llm_rubric": RUBRIC, "rubric": RUBRIC,
                 "hybrid": HYBRID, "code_and_rubric": HYBRID}
DATA_ENTRY = "data_entry.json"


# ------------------------------------------------------------------ shared pieces

def grading_mode(file: str, field_name: str, declared: Any, has_code: bool, has_rules: bool, code_is: str) -> str:
    """code, rubric or hybrid: as declared (grading_type / validation_mode), else from what the task has.
    `code_is` names the code checker of this form, for the error message."""
    if (declared is None or declared == "") and not has_code and not has_rules:
        raise TaskError(file, field_name, f"a way to grade the task: {code_is}, or rubric rules; it has neither")
    if declared is None or declared == "":
        mode = HYBRID if has_code and has_rules else (RUBRIC if has_rules else CODE)
    elif str(declared).lower() in GRADING_NAMES:
        mode = GRADING_NAMES[str(declared).lower()]
    else:
        raise TaskError(file, field_name, f"one of {', '.join(GRADING_NAMES)}, got {declared!r}")
    if mode in (CODE, HYBRID) and not has_code:
        raise TaskError(file, field_name, f"{code_is}: {declared or mode} grading needs one, and the task has none")
    if mode in (RUBRIC, HYBRID) and not has_rules:
        raise TaskError(file, field_name, f"{declared or mode} grading needs rubric rules, and the task has none")
    return mode


def rubric_rules(file: str, field_name: str, value: Any) -> list[dict[str, Any]]:
    """The rules of a rubric given as {eval_type: llm_rubric, rules: [...]} or as the bare list."""
    if value is None:
        return []
    if isinstance(value, str):   # some exports keep the rubric JSON as a string
        try:
            value = json.loads(value)
        except json.JSONDecodeError:
            raise TaskError(file, field_name, "a rubric object or list of rules, got an unparsable string") from None
    if isinstance(value, dict):
        if value.get("eval_type", "llm_rubric") != "llm_rubric":
            raise TaskError(file, f"{field_name}.eval_type", f"llm_rubric, got {value.get('eval_type')!r}")
        value, field_name = value.get("rules") or [], f"{field_name}.rules"
    if not isinstance(value, list):
        raise TaskError(file, field_name, f"a list of rules {{name, file_path, scores}}, got {type(value).__name__}")
    for i, rule in enumerate(value):
        if not isinstance(rule, dict) or not isinstance(rule.get("name"), str) or not rule["name"].strip():
            raise TaskError(file, f"{field_name}[{i}].name", "a rule with a non-empty name")
        if "file_path" in rule and rule["file_path"] is not None and not isinstance(rule["file_path"], str):
            raise TaskError(file, f"{field_name}[{i}].file_path", "a workspace file path")
        if "scores" in rule and not isinstance(rule["scores"], dict):
            raise TaskError(file, f"{field_name}[{i}].scores", "a mapping of score -> what earns it")
    return value


def rubric_items(file: str, rules: list[dict[str, Any]], total_weight: float, roots: tuple[str, ...]) -> list[dict]:
    seen: set[str] = set()
    items = []
    for i, rule in enumerate(rules):
        levels = "; ".join(f"{score} = {text}" for score, text in (rule.get("scores") or {}).items())
        criterion = rule["name"].strip() + (f". Score levels: {levels}" if levels else "")
        artifacts = [clean_relpath(file, f"rules[{i}].file_path", rule["file_path"], roots)] if rule.get("file_path") else []
        items.append({"id": unique_id(slug_id(rule["name"], f"rule-{i + 1}"), seen), "criterion": criterion,
                      "artifacts": artifacts, "weight": round(total_weight / len(rules), 6)})
    return items


def assemble(draft: TaskDraft, mode: str, grader: dict[str, Any] | None, rules: list[dict[str, Any]],
             file: str, roots: tuple[str, ...]) -> TaskDraft:
    code_weight, rubric_weight = {CODE: (1.0, 0.0), RUBRIC: (0.0, 1.0), HYBRID: HYBRID_WEIGHTS}[mode]
    if grader is not None and code_weight:
        draft.checks = [{"id": "reward", **grader, "weight": code_weight}]
    if rules and rubric_weight:
        draft.rubric = rubric_items(file, rules, rubric_weight, roots)
    draft.source["grading"] = mode
    return draft


def _aliases(file: str, field_name: str, workspace_path: str) -> list[str]:
    if workspace_path == WORKDIR:
        return []
    try:
        return list(check_aliases([workspace_path]))
    except SandboxPathError as e:
        raise TaskError(file, field_name, str(e)) from None


def _defines_grade(path: Path) -> bool:
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    except SyntaxError as e:
        raise TaskError(path, f"line {e.lineno}", f"valid Python ({e.msg})") from None
    except UnicodeDecodeError:
        raise TaskError(path, "(file)", "UTF-8 text") from None
    return any(isinstance(n, ast.FunctionDef) and n.name == "grade" for n in tree.body)


def _attach_solution(draft: TaskDraft, folder: Path) -> None:
    if folder.is_dir():
        draft.solution_files, draft.solution_steps = read_solution(folder)
        draft.source["solution"] = str(folder)


# ------------------------------------------------------------------ folder form

def is_folder_task(path: Path) -> bool:
    return (path / DATA_ENTRY).is_file()


def read_folder_task(task_dir: Path) -> TaskDraft:
    task_dir = task_dir.resolve()
    file = task_dir / DATA_ENTRY
    try:
        entry = json.loads(file.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise TaskError(file, "(file)", f"valid JSON ({e})") from None
    if not isinstance(entry, dict):
        raise TaskError(file, "(document)", "a JSON object")
    task_id = entry.get("task_id")
    if not isinstance(task_id, (str, int)) or not str(task_id).strip():
        raise TaskError(file, "task_id", f"a non-empty task id, got {task_id!r}")
    query = entry.get("user_query")
    if not isinstance(query, str) or not query.strip():
        raise TaskError(file, "user_query", f"the user's request as a non-empty string, got {query!r}")
    metadata = entry.get("metadata") or {}
    if not isinstance(metadata, dict):
        raise TaskError(file, "metadata", f"an object (category, grading_type), got {type(metadata).__name__}")

    workspace_path, prefix = _mount(str(file), entry.get("input_mount_dir"))
    roots = (workspace_path,) if workspace_path == WORKDIR else (workspace_path, WORKDIR)
    workspace = {posixpath.join(prefix, rel) if prefix else rel: data
                 for rel, data in read_tree(task_dir / "input_files").items()}

    grader = _folder_grader(task_dir, workspace_path)
    rules_value = next((v for v in (entry.get("rules"), metadata.get("rules"), entry.get("rule"), metadata.get("rule"))
                        if v is not None), None)
    rules = rubric_rules(str(file), "rules", rules_value)
    declared = metadata.get("grading_type", entry.get("validation_mode"))
    mode = grading_mode(str(file), "metadata.grading_type", declared, grader is not None, bool(rules),
                        "reward/check.py defining grade(transcript, workspace_path), or reward/reward.sh")

    category = metadata.get("category") or entry.get("category") or ""
    draft = TaskDraft(
        id=slug_id(str(task_id), slug_id(task_dir.name)), title=title_from(query), instruction=query,
        domain=guess_domain(metadata.get("macro_category"), category, query),
        source={"format": "clawgym-folder", "path": str(task_dir), "id": str(task_id), "category": category},
        workspace_aliases=_aliases(str(file), "input_mount_dir", workspace_path), workspace=workspace,
        checker_files={f"reward/{rel}": data for rel, data in read_tree(task_dir / "reward").items()},
    )
    _attach_solution(draft, task_dir / "solution")
    return assemble(draft, mode, grader, rules, str(file), roots)


def _mount(file: str, mount: Any) -> tuple[str, str]:
    """(the workspace's absolute path for the checker, the folder input_files/ lands in within it).
    An absolute input_mount_dir is the workspace root; a relative one a folder inside it."""
    if mount is None or mount == "":
        return OPENCLAW_WORKSPACE, ""
    if not isinstance(mount, str):
        raise TaskError(file, "input_mount_dir", f"a path, got {mount!r}")
    mount = "input" if mount == "{{input_dir}}" else mount
    if mount.startswith("/"):
        norm = posixpath.normpath(mount)
        if norm.startswith(WORKDIR + "/"):           # /workspace/input: a folder of our own root
            return WORKDIR, norm[len(WORKDIR) + 1:]
        return norm, ""
    return OPENCLAW_WORKSPACE, clean_relpath(file, "input_mount_dir", mount)


def _folder_grader(task_dir: Path, workspace_path: str) -> dict[str, Any] | None:
    check_py, reward_sh = task_dir / "reward" / "check.py", task_dir / "reward" / "reward.sh"
    if check_py.is_file() and _defines_grade(check_py):
        return {"type": "grader", "module": "reward/check.py", "workspace_path": workspace_path,
                "description": "ClawGym reward/check.py"}
    if reward_sh.is_file():   # no grade() to call: the score reward.sh prints is all there is
        return {"type": "grader", "command": "bash reward/reward.sh", "workspace_path": workspace_path,
                "description": "ClawGym reward/reward.sh"}
    return None


# ------------------------------------------------------------------ JSONL form

def looks_like_jsonl_tasks(path: Path, probe_lines: int = 5) -> bool:
    """A JSONL file whose first object lines look like ClawGym tasks (prompt + hook_code/input_files)."""
    try:
        with path.open(encoding="utf-8", errors="replace") as f:
            for _, line in zip(range(probe_lines), (ln for ln in f if ln.strip())):
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError:
                    continue
                return isinstance(obj, dict) and "prompt" in obj and ("hook_code" in obj or "input_files" in obj)
    except OSError:
        return False
    return False


def read_jsonl_tasks(path: Path) -> tuple[list[TaskDraft], list[TaskError]]:
    path = path.resolve()
    drafts, errors, seen = [], [], set()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        return [], [TaskError(path, "(file)", f"a readable UTF-8 JSONL file ({e})")]
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            drafts.append(_jsonl_task(path, lineno, line, seen))
        except TaskError as e:
            errors.append(e)
    return drafts, errors


def _jsonl_task(path: Path, lineno: int, line: str, seen: set[str]) -> TaskDraft:
    where = f"{path}:{lineno}"
    try:
        item = json.loads(line)
    except json.JSONDecodeError as e:
        raise TaskError(where, "(line)", f"one JSON object per line ({e.msg}, column {e.colno})") from None
    if not isinstance(item, dict):
        raise TaskError(where, "(line)", f"a JSON object, got {type(item).__name__}")
    prompt = item.get("prompt")
    if not isinstance(prompt, str) or not prompt.strip():
        raise TaskError(where, "prompt", f"the user's request as a non-empty string, got {prompt!r}")
    hook = item.get("hook_code") or ""
    if not isinstance(hook, str):
        raise TaskError(where, "hook_code", f"a shell command, got {type(hook).__name__}")
    if str(item.get("hook_lang") or "bash").lower() not in ("bash", "sh", "shell"):
        raise TaskError(where, "hook_lang", f"bash (the hook runs in a shell), got {item.get('hook_lang')!r}")
    workspace_path = _hook_workspace(hook) or OPENCLAW_WORKSPACE
    roots = (workspace_path, WORKDIR)
    workspace, checker = _jsonl_files(where, item.get("input_files"), roots)
    hook = hook.replace(workspace_path.rstrip("/") + "/reward/", "reward/")   # the checker is staged, not in the workspace
    for token in _tokens(hook):
        if token.startswith("reward/") and token not in checker:
            raise TaskError(where, "hook_code", f"input_files to provide {token}, which the hook runs")
    rules_value = item["rules"] if item.get("rules") is not None else item.get("rule")
    rules = rubric_rules(where, "rules" if item.get("rules") is not None else "rule", rules_value)
    declared = item.get("grading_type", item.get("validation_mode"))
    mode = grading_mode(where, "hook_code" if declared is None else "grading_type", declared, bool(hook.strip()),
                        bool(rules), "a hook_code such as `python3 reward/test.py /root/.openclaw/workspace`")

    original = item.get("task_id") or _template_id(item.get("origin_template")) or f"{path.stem}-{lineno}"
    task_id = unique_id(slug_id(str(original), slug_id(f"{path.stem}-{lineno}")), seen)
    grader = {"type": "grader", "command": hook.strip(), "workspace_path": workspace_path,
              "description": "ClawGym hook_code"} if hook.strip() else None
    draft = TaskDraft(
        id=task_id, title=title_from(prompt), instruction=prompt,
        domain=guess_domain(item.get("macro_category"), item.get("category"), prompt),
        source={"format": "clawgym-jsonl", "path": str(path), "line": lineno, "id": str(original),
                "category": item.get("category") or "", "macro_category": item.get("macro_category") or ""},
        workspace_aliases=_aliases(where, "hook_code", workspace_path), workspace=workspace, checker_files=checker,
    )
    for name in dict.fromkeys((str(original), task_id)):   # solutions/<original id>/, else solutions/<our id>/
        if (path.parent / "solutions" / name).is_dir():
            _attach_solution(draft, path.parent / "solutions" / name)
            break
    return assemble(draft, mode, grader, rules, where, roots)


def _jsonl_files(where: str, files: Any, roots: tuple[str, ...]) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """input_files split into the workspace and the hidden checker (paths under reward/)."""
    if files is None:
        return {}, {}
    if not isinstance(files, list):
        raise TaskError(where, "input_files", f"a list of {{file_path, content}}, got {type(files).__name__}")
    workspace, checker = {}, {}
    for i, entry in enumerate(files):
        if not isinstance(entry, dict) or not isinstance(entry.get("content"), str):
            raise TaskError(where, f"input_files[{i}].content", "the file's text as a string")
        rel = clean_relpath(where, f"input_files[{i}].file_path", entry.get("file_path") or "", roots)
        (checker if rel.startswith("reward/") else workspace)[rel] = entry["content"].encode("utf-8")
    return workspace, checker


def _tokens(command: str) -> list[str]:
    try:
        return shlex.split(command)
    except ValueError:
        return command.split()


def _hook_workspace(hook: str) -> str | None:
    """The absolute workspace path a hook hands its checker (its last absolute, non-script argument)."""
    tokens = _tokens(hook)
    found = [t for t in tokens[1:] if t.startswith("/") and not t.endswith((".py", ".sh", ".js"))
             and not t.startswith(("/usr/", "/bin/"))]
    return posixpath.normpath(found[-1]) if found else None


def _template_id(template: Any) -> str | None:
    """The id: line of an origin_template (a PinchBench-style task the ClawGym task came from)."""
    if not isinstance(template, str):
        return None
    for line in template.splitlines():
        if line.strip().startswith("id:"):
            return line.split(":", 1)[1].strip().strip("'\"") or None
    return None
