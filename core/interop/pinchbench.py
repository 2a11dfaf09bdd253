"""PinchBench tasks (one Markdown file per task) converted to TaskDrafts.

    ---
    id: task_01_calendar            name, category, timeout_seconds, workspace_files [{source, dest}],
    grading_type: automated         automated | llm_judge | hybrid; optional grading_weights
    ---                             {automated, llm_judge} and multi-session `sessions`
    ## Prompt / ## Expected Behavior / ## Grading Criteria
    ## Automated Checks             a ```python block defining grade(transcript, workspace_path)
    ## LLM Judge Rubric

Parsed the way PinchBench's own loader does (frontmatter, `## ` sections, the first python block).
workspace_files sources are found under the benchmark's assets/ folder (next to tasks/), as in
PinchBench, or next to the task file; entries may also carry inline `content` with `path`.
Reference solutions (ours): solutions/<task id>/ in the folder that holds the task file.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import yaml

from ..task import TaskError
from .materialize import TaskDraft, clean_relpath, guess_domain, read_solution, slug_id, title_from

GRADING_TYPES = ("automated", "llm_judge", "hybrid")
DEFAULT_HYBRID_WEIGHTS = {"automated": 0.5, "llm_judge": 0.5}   # PinchBench's default
FRONTMATTER_RE = re.compile(r"^---\s*\n(.*?)\n---\s*\n(.*)$", re.DOTALL)
SECTION_RE = re.compile(r"^##\s+(.+)$")
PYTHON_BLOCK_RE = re.compile(r"```python\s*(.*?)\s*```", re.DOTALL)
CHECKLIST_RE = re.compile(r"^-\s+\[[ xX]\]\s+(.+)$")
CHECKER_FILE = "automated_checks.py"
TRANSCRIPT_ARTIFACT = "@transcript"


def is_task_file(path: Path) -> bool:
    """PinchBench loads tasks/task_*.md (so TASK_TEMPLATE.md and READMEs are not tasks)."""
    return path.is_file() and path.suffix == ".md" and path.name.startswith("task_")


def read_task_file(path: Path) -> TaskDraft:
    path = path.resolve()
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise TaskError(path, "(file)", "UTF-8 text") from None
    m = FRONTMATTER_RE.match(text)
    if not m:
        raise TaskError(path, "(frontmatter)", "YAML frontmatter between '---' lines at the top of the file")
    try:
        meta = yaml.safe_load(m.group(1))
    except yaml.YAMLError as e:
        raise TaskError(path, "(frontmatter)", f"valid YAML ({getattr(e, 'problem', e)})") from None
    if not isinstance(meta, dict):
        raise TaskError(path, "(frontmatter)", "a YAML mapping (id, name, category, grading_type, ...)")
    sections = parse_sections(m.group(2))

    task_id = meta.get("id")
    if not isinstance(task_id, str) or not task_id.strip():
        raise TaskError(path, "id", f"a non-empty task id, got {task_id!r}")
    grading = meta.get("grading_type", "automated")
    if grading not in GRADING_TYPES:
        raise TaskError(path, "grading_type", f"one of {', '.join(GRADING_TYPES)}, got {grading!r}")
    instruction, sessions = _instruction(path, meta, sections)
    timeout = meta.get("timeout_seconds", 120)
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or timeout <= 0:
        raise TaskError(path, "timeout_seconds", f"a positive number of seconds, got {timeout!r}")

    weights = _weights(path, meta, grading)
    checks, checker_files = [], {}
    if weights["automated"]:
        checker_files[CHECKER_FILE] = _grading_code(path, sections).encode("utf-8")
        checks.append({"id": "automated", "type": "grader", "module": CHECKER_FILE, "weight": weights["automated"],
                       "description": "PinchBench automated checks", "timeout": max(60, int(timeout))})
    rubric = []
    if weights["llm_judge"]:
        rubric.append({"id": "llm_judge", "criterion": _rubric_text(path, sections),
                       "artifacts": [TRANSCRIPT_ARTIFACT], "weight": weights["llm_judge"]})

    category = str(meta.get("category") or "")
    draft = TaskDraft(
        id=slug_id(task_id), title=str(meta.get("name") or title_from(instruction)), instruction=instruction,
        domain=guess_domain(category, meta.get("name"), task_id),
        source={"format": "pinchbench", "path": str(path), "id": task_id, "category": category, "grading": grading,
                **({"sessions": sessions} if sessions else {})},
        limits={"wall_s": float(timeout)}, checks=checks, rubric=rubric, checker_files=checker_files,
        workspace=_workspace_files(path, meta.get("workspace_files")),
    )
    for name in dict.fromkeys((task_id, draft.id)):
        folder = path.parent / "solutions" / name
        if folder.is_dir():
            draft.solution_files, draft.solution_steps = read_solution(folder)
            draft.source["solution"] = str(folder)
            break
    return draft


def parse_sections(body: str) -> dict[str, str]:
    """`## Title` sections, as PinchBench's TaskLoader splits them."""
    sections: dict[str, str] = {}
    current, lines = None, []
    for line in body.split("\n"):
        m = SECTION_RE.match(line)
        if m:
            if current:
                sections[current] = "\n".join(lines).strip()
            current, lines = m.group(1).strip(), []
        elif current:
            lines.append(line)
    if current:
        sections[current] = "\n".join(lines).strip()
    return sections


def _instruction(path: Path, meta: dict, sections: dict[str, str]) -> tuple[str, int]:
    """The prompt; a multi-session task's prompts run as one conversation, in order."""
    sessions = meta.get("sessions")
    if sessions is None:
        prompt = sections.get("Prompt", "").strip()
        if not prompt:
            raise TaskError(path, "## Prompt", "a '## Prompt' section with the message sent to the agent")
        return prompt, 0
    if not isinstance(sessions, list) or not sessions:
        raise TaskError(path, "sessions", "a non-empty list of session prompts")
    prompts = []
    for i, s in enumerate(sessions):
        text = s if isinstance(s, str) else (s.get("prompt") or s.get("message")) if isinstance(s, dict) else None
        if not isinstance(text, str) or not text.strip():
            raise TaskError(path, f"sessions[{i}].prompt", "the prompt of this session as a non-empty string")
        prompts.append(text.strip())
    lead = sections.get("Prompt", "").strip()
    parts = [lead] if lead else []
    parts += [f"Session {i} of {len(prompts)}:\n{p}" for i, p in enumerate(prompts, start=1)]
    return "\n\n".join(parts), len(prompts)


def _weights(path: Path, meta: dict, grading: str) -> dict[str, float]:
    if grading == "automated":
        return {"automated": 1.0, "llm_judge": 0.0}
    if grading == "llm_judge":
        return {"automated": 0.0, "llm_judge": 1.0}
    given = meta.get("grading_weights") or DEFAULT_HYBRID_WEIGHTS
    if not isinstance(given, dict):
        raise TaskError(path, "grading_weights", "a mapping {automated: w, llm_judge: w}")
    try:
        a, j = float(given.get("automated", 0.5)), float(given.get("llm_judge", 0.5))
    except (TypeError, ValueError):
        raise TaskError(path, "grading_weights", f"numbers for automated and llm_judge, got {given!r}") from None
    if a < 0 or j < 0 or a + j <= 0 or a == 0 or j == 0:
        raise TaskError(path, "grading_weights", f"two positive weights for a hybrid task, got {given!r}")
    return {"automated": round(a / (a + j), 6), "llm_judge": round(j / (a + j), 6)}


def _grading_code(path: Path, sections: dict[str, str]) -> str:
    m = PYTHON_BLOCK_RE.search(sections.get("Automated Checks", ""))
    if not m:
        raise TaskError(path, "## Automated Checks",
                        "a ```python block defining grade(transcript, workspace_path) for automated grading")
    code = m.group(1)
    try:
        tree = ast.parse(code)
    except SyntaxError as e:
        raise TaskError(path, "## Automated Checks", f"valid Python (line {e.lineno} of the block: {e.msg})") from None
    if not any(isinstance(n, ast.FunctionDef) and n.name == "grade" for n in tree.body):
        raise TaskError(path, "## Automated Checks", "a top-level def grade(transcript, workspace_path)")
    return code + "\n"


def _rubric_text(path: Path, sections: dict[str, str]) -> str:
    rubric = sections.get("LLM Judge Rubric", "").strip()
    if not rubric:   # PinchBench falls back to the grading criteria checklist
        items = [m.group(1) for line in sections.get("Grading Criteria", "").splitlines()
                 if (m := CHECKLIST_RE.match(line.strip()))]
        rubric = "\n".join(f"- {c}" for c in items)
    if not rubric:
        raise TaskError(path, "## LLM Judge Rubric", "a rubric (or a '## Grading Criteria' checklist) to judge by")
    expected = sections.get("Expected Behavior", "").strip()
    return (f"Expected behavior:\n{expected}\n\nRubric:\n{rubric}" if expected else rubric) + \
        "\n\n(The artifact is the agent's transcript: its tool calls and their results.)"


def _workspace_files(path: Path, entries: Any) -> dict[str, bytes]:
    if entries is None:
        return {}
    if not isinstance(entries, list):
        raise TaskError(path, "workspace_files", f"a list of {{source, dest}}, got {type(entries).__name__}")
    bases = [path.parent.parent / "assets", path.parent / "assets", path.parent]
    files: dict[str, bytes] = {}
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict):
            raise TaskError(path, f"workspace_files[{i}]", "a mapping {source, dest} or {path, content}")
        if "content" in entry:
            dest = clean_relpath(str(path), f"workspace_files[{i}].path", entry.get("path") or entry.get("dest") or "")
            files[dest] = str(entry["content"]).encode("utf-8")
            continue
        source, dest = entry.get("source"), entry.get("dest") or entry.get("source")
        if not isinstance(source, str) or not source.strip() or source.startswith("/") or ".." in source.split("/"):
            raise TaskError(path, f"workspace_files[{i}].source",
                            f"a relative path to a file under the benchmark's assets/ folder, got {source!r}")
        found = next((b / source for b in bases if (b / source).is_file()), None)
        if found is None:
            raise TaskError(path, f"workspace_files[{i}].source",
                            f"a file under {bases[0]} (or next to the task); {source!r} is not there")
        files[clean_relpath(str(path), f"workspace_files[{i}].dest", dest)] = found.read_bytes()
    return files
