"""The LLM engine: a model drafts the task through the same three stages, one conversation turn
per stage, each answered with a JSON object; the draft then meets the same quality gate as a
procedural one. Works with any litellm model string, and with `scripted/<file>` in tests (turn k
of the conversation is answered by the script's k-th entry).

    stage 1  {"title", "domain", "difficulty", "capabilities", "instruction", "intent", "expected_artifacts"}
    stage 2  {"files": {path: text}, "traps": [...]}
    stage 3  {"checks": [...], "rubric": [...], "solution": [...], "solution_files": {...},
              "mutants": [...], "mutant_files": {...}, "check_files": {...}}

A rejected draft may be repaired: the gate's reasons (with the failing checks' observed and expected
values) go back to the model in the same conversation, and its corrected stage 3 (plus, optionally,
a new workspace or instruction) meets the gate again, up to `repair_rounds` times.
"""
from __future__ import annotations

import json
import re
import time
from dataclasses import replace
from typing import Any

from ..task import CAPABILITIES, CHECK_FIELDS, DIFFICULTIES, DOMAINS, SOLUTION_TOOLS
from .model import Draft, TaskPlan, Verification, Workspace
from .procedural import origin_for, persona_for
from .routes import WorkItem
from .skills import load_skills

SYSTEM = f"""You design benchmark tasks for AI agents that work inside a folder of files (a workspace) with
tools: read_file, write_file, edit_file, delete_file, list_files, search, exec (a shell without network).
A task is judged only by the files the agent leaves behind, with deterministic checks.
You answer every message with one JSON object and nothing else.
Domains: {", ".join(DOMAINS)}. Difficulties: {", ".join(DIFFICULTIES)}.
Capabilities: {", ".join(CAPABILITIES)}.
Check types and their fields: {"; ".join(f"{t}: {', '.join(sorted(r | o))}" for t, (r, o) in CHECK_FIELDS.items() if t != "grader")}.
Every check also has id, type, description and optionally weight. Paths are relative to the workspace root.
Prefer the declarative types. A python check names a script, a key of check_files (stage 3) holding its source:
it runs as `python3 checks/<script> [args]` inside the sandbox with the workspace as working directory, standard
library only; exit status 0 passes, and what it prints is shown as the observed value.
Solution and mutant steps are {{"tool": one of {", ".join(SOLUTION_TOOLS)}, "args": {{...}}}}; write_file may take
"content_file" (a key of solution_files, or of mutant_files for mutant steps) instead of "content".
A mutant is {{"id", "description", "steps"}}: steps applied after the solution that spoil it the way a careless
agent would; the checks must catch every mutant, and must fail on the untouched workspace."""

STAGE_PROMPTS = (
    "Stage 1, task generation. {brief}\nReply with JSON: title, domain, difficulty, capabilities (list), "
    "instruction (what the user asks, naming every file the agent must write), intent, expected_artifacts (paths).",
    "Stage 2, resource preparation. Write the initial workspace for that task: realistic files (Markdown, CSV, JSON, "
    "YAML, configs, logs, scripts) with the traps a real workspace has where the task calls for them (stale files, "
    "near-duplicate names, malformed rows). Reply with JSON: files (path -> text), traps (list of short labels).",
    "Stage 3, verification design. Write checks whose expected values you computed from the files you wrote, "
    "rubric items for what code cannot judge, the reference solution and at least one mutant. Reply with JSON: "
    "checks, rubric, solution, solution_files, mutants, mutant_files, check_files (only for python checks).",
)
REPAIR_PROMPT = (
    "The quality gate rejected the draft:\n{reasons}\nCorrect it. Reply with JSON holding the whole corrected stage 3 "
    "(checks, rubric, solution, solution_files, mutants, mutant_files, check_files); add `files` (the whole "
    "workspace, path -> text) only if the workspace must change, and `instruction` only if the instruction must.")
# what a second look by the model can fix; a duplicate or a sandbox that failed to start it cannot
REPAIRABLE = frozenset({"does-not-load", "oracle-fails", "solution-step-failed", "null-solves", "mutant-passes",
                        "unnamed-output", "no-mutants", "no-solution", "instruction-too-short", "ambiguous"})


class DraftError(ValueError):
    """The model's reply cannot become a task; names the stage and the field."""


def brief_for(item: WorkItem, persona) -> str:
    domain = f" Domain: {item.domain}." if item.domain else ""
    if item.route == "skill":
        skills = load_skills()
        listed = "; ".join(f"{s} ({skills[s].description})" for s in item.skills if s in skills)
        return f"Compose a task that can be done within these skills: {listed}. The user is {persona.describe()}{domain}"
    return (f"The user is {persona.describe()} They typically keep {', '.join(persona.typical_files)}. "
            f"Their intent: {item.intent}.{domain}")


def parse_reply(text: str | None, stage: int | str) -> dict[str, Any]:
    """The JSON object in a reply (code fences tolerated)."""
    if not text or not text.strip():
        raise DraftError(f"stage {stage}: the model returned no text")
    body = text.strip()
    fenced = re.search(r"```(?:json)?\s*\n(.*?)```", body, re.S)
    if fenced:
        body = fenced.group(1)
    try:
        data = json.loads(body)
    except json.JSONDecodeError as e:
        raise DraftError(f"stage {stage}: the reply is not JSON ({e.msg} at char {e.pos})") from None
    if not isinstance(data, dict):
        raise DraftError(f"stage {stage}: expected a JSON object, got {type(data).__name__}")
    return data


def _field(data: dict, stage: int | str, key: str, kind, default=None):
    if key not in data:
        if default is not None:
            return default
        raise DraftError(f"stage {stage}: {key}: required field is missing")
    value = data[key]
    if not isinstance(value, kind):
        raise DraftError(f"stage {stage}: {key}: expected {getattr(kind, '__name__', kind)}, got {type(value).__name__}")
    return value


def _text_map(data: dict, stage: int | str, key: str, required: bool) -> dict[str, str]:
    value = _field(data, stage, key, dict, None if required else {})
    for path, text in value.items():
        if not isinstance(text, str) or path.startswith("/") or ".." in path.split("/"):
            raise DraftError(f"stage {stage}: {key}.{path}: expected a relative path mapped to text")
    return value


def to_plan(data: dict) -> TaskPlan:
    domain = _field(data, 1, "domain", str)
    if domain not in DOMAINS:
        raise DraftError(f"stage 1: domain: expected one of {', '.join(DOMAINS)}, got {domain!r}")
    difficulty = _field(data, 1, "difficulty", str, "medium")
    if difficulty not in DIFFICULTIES:
        raise DraftError(f"stage 1: difficulty: expected one of {', '.join(DIFFICULTIES)}, got {difficulty!r}")
    caps = [c for c in _field(data, 1, "capabilities", list, []) if c in CAPABILITIES]
    return TaskPlan(title=_field(data, 1, "title", str), domain=domain, difficulty=difficulty, capabilities=tuple(caps),
                    instruction=_field(data, 1, "instruction", str), intent=str(data.get("intent", "")),
                    expected_artifacts=tuple(str(a) for a in _field(data, 1, "expected_artifacts", list, [])))


def to_workspace(data: dict) -> Workspace:
    files = _text_map(data, 2, "files", True)
    if not files:
        raise DraftError("stage 2: files: the workspace needs at least one file")
    return Workspace(files=dict(sorted(files.items())), traps=tuple(str(t) for t in data.get("traps", [])))


def to_verification(data: dict, stage: int | str = 3) -> Verification:
    checks = _field(data, stage, "checks", list)
    if not checks:
        raise DraftError(f"stage {stage}: checks: at least one check is needed")
    check_files = _text_map(data, stage, "check_files", False)
    for i, c in enumerate(checks):
        if not isinstance(c, dict) or c.get("type") not in CHECK_FIELDS or c.get("type") == "grader":
            raise DraftError(f"stage {stage}: checks[{i}].type: expected one of the listed check types, got {c!r:.80}")
        if c["type"] == "python" and c.get("script") not in check_files:
            raise DraftError(f"stage {stage}: checks[{i}].script: expected a key of check_files, got {c.get('script')!r}")
    return Verification(checks=checks, solution=_field(data, stage, "solution", list),
                        mutants=_field(data, stage, "mutants", list, []), rubric=_field(data, stage, "rubric", list, []),
                        solution_files=_text_map(data, stage, "solution_files", False),
                        mutant_files=_text_map(data, stage, "mutant_files", False), check_files=check_files)


STAGE_TIMINGS = ("task_generation", "resource_preparation", "verification_design")


class LlmSession:
    """One item's conversation with the model: three stage turns, then repair turns if asked."""

    def __init__(self, item: WorkItem, model: str, timings: dict[str, float]):
        self.item, self.model, self.timings = item, model, timings
        self.persona = persona_for(item)
        self.messages: list[dict[str, Any]] = [{"role": "system", "content": SYSTEM}]
        self.repairs = 0

    def _ask(self, prompt: str, stage: int | str, timing: str) -> dict[str, Any]:
        from ..models import completion_with_retry

        self.messages.append({"role": "user", "content": prompt})
        t0 = time.perf_counter()
        response = completion_with_retry(model=self.model, messages=self.messages, temperature=0.7, retries=2,
                                         backoff_s=1.0)
        text = response.choices[0].message.content
        self.messages.append({"role": "assistant", "content": text})
        self.timings[timing] = self.timings.get(timing, 0.0) + time.perf_counter() - t0
        return parse_reply(text, stage)

    def draft(self) -> Draft:
        brief = brief_for(self.item, self.persona)
        replies = [self._ask(prompt.format(brief=brief), stage, STAGE_TIMINGS[stage - 1])
                   for stage, prompt in enumerate(STAGE_PROMPTS, 1)]
        plan = to_plan(replies[0])
        plan.intent = plan.intent or self.item.intent
        return Draft(id=self.item.id, plan=plan, workspace=to_workspace(replies[1]), verification=to_verification(replies[2]),
                     persona=self.persona, origin=origin_for(self.item, self.persona, f"llm/{self.model}"),
                     skills=self.item.skills)

    def repair(self, draft: Draft, reasons: list[tuple[str, str]]) -> Draft:
        """The gate's reasons back to the model; its corrections as a new draft (same id and origin)."""
        self.repairs += 1
        stage = f"3 (repair {self.repairs})"
        listed = "\n".join(f"- {code}: {message}" for code, message in reasons)
        reply = self._ask(REPAIR_PROMPT.format(reasons=listed), stage, "verification_design")
        plan = draft.plan
        if "instruction" in reply:
            plan = replace(plan, instruction=_field(reply, stage, "instruction", str))
        workspace = to_workspace({**reply, "traps": draft.workspace.traps}) if "files" in reply else draft.workspace
        return replace(draft, plan=plan, workspace=workspace, verification=to_verification(reply, stage))


def repairable(reasons: list[tuple[str, str]]) -> bool:
    return bool(reasons) and all(code in REPAIRABLE for code, _ in reasons)
