"""The workspace tools an agent calls (OpenAI tool format), executed in the sandbox.

Every call is recorded as tool_call -> tool_result, followed by workspace_changed events for
whatever it changed. A tool that fails returns its error as the result (fed back to the model);
it never raises into the agent loop.
"""
from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any

from sandbox import Sandbox, SandboxError

from . import events as ev
from .events import Recorder
from .workspace import WorkspaceTracker

MAX_TOOL_OUTPUT = 20_000      # characters of a result the model sees
MAX_LIST_ENTRIES = 500
# Python's bytecode caches are noise in a workspace (and in its diffs): the agent's commands skip them.
EXEC_ENV = {"PYTHONDONTWRITEBYTECODE": "1"}

TOOL_SPECS: list[dict[str, Any]] = [
    {"name": "read_file", "description": "Read a text file from the workspace. Optionally a line range (1-based, inclusive).",
     "parameters": {"type": "object", "properties": {
         "path": {"type": "string", "description": "Path relative to the workspace root."},
         "start_line": {"type": "integer"}, "end_line": {"type": "integer"}}, "required": ["path"]}},
    {"name": "write_file", "description": "Create or overwrite a file with the given content (parent folders are created).",
     "parameters": {"type": "object", "properties": {
         "path": {"type": "string"}, "content": {"type": "string"}}, "required": ["path", "content"]}},
    {"name": "edit_file", "description": "Replace an exact string in a file. `old` must occur exactly once unless replace_all is true.",
     "parameters": {"type": "object", "properties": {
         "path": {"type": "string"}, "old": {"type": "string"}, "new": {"type": "string"},
         "replace_all": {"type": "boolean"}}, "required": ["path", "old", "new"]}},
    {"name": "delete_file", "description": "Delete a file from the workspace.",
     "parameters": {"type": "object", "properties": {"path": {"type": "string"}}, "required": ["path"]}},
    {"name": "list_files", "description": "List files and folders under a workspace path, recursively, with sizes.",
     "parameters": {"type": "object", "properties": {"path": {"type": "string", "description": "Default: the workspace root."}}}},
    {"name": "search", "description": "Search file contents with an extended regular expression (grep -E); returns path:line:text.",
     "parameters": {"type": "object", "properties": {
         "pattern": {"type": "string"}, "path": {"type": "string"},
         "glob": {"type": "string", "description": "Only files whose name matches, e.g. *.csv"}}, "required": ["pattern"]}},
    {"name": "exec", "description": "Run a shell command in the workspace (sh -c). No network. Returns exit code, stdout and stderr.",
     "parameters": {"type": "object", "properties": {
         "command": {"type": "string"}, "timeout": {"type": "number", "description": "Seconds, default 60, at most 600."}},
      "required": ["command"]}},
    {"name": "finish", "description": "Call when the task is complete, with a short summary of what you did.",
     "parameters": {"type": "object", "properties": {"summary": {"type": "string"}}, "required": ["summary"]}},
]
TOOL_NAMES = tuple(t["name"] for t in TOOL_SPECS)


def openai_tools() -> list[dict[str, Any]]:
    return [{"type": "function", "function": spec} for spec in TOOL_SPECS]


class ToolError(Exception):
    """A tool call the model got wrong; the message goes back to it."""


@dataclass
class ToolOutcome:
    ok: bool
    output: str
    exit_code: int | None = None
    truncated: bool = False
    finished: bool = False     # the agent called finish


def _clip(text: str) -> tuple[str, bool]:
    if len(text) <= MAX_TOOL_OUTPUT:
        return text, False
    return text[:MAX_TOOL_OUTPUT] + f"\n[... {len(text) - MAX_TOOL_OUTPUT} more characters not shown]", True


def _arg(args: dict, name: str, kind: type | tuple, required: bool = True, default: Any = None) -> Any:
    if name not in args or args[name] is None:
        if required:
            raise ToolError(f"missing required argument {name!r}")
        return default
    value = args[name]
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
        raise ToolError(f"argument {name!r} must be {getattr(kind, '__name__', kind)}, got {type(value).__name__}")
    return value


class ToolExecutor:
    """Runs tool calls against one sandbox and records them."""

    def __init__(self, sandbox: Sandbox, recorder: Recorder, tracker: WorkspaceTracker, exec_timeout: float = 60.0):
        self.sandbox, self.recorder, self.tracker = sandbox, recorder, tracker
        self.exec_timeout = exec_timeout
        self.exec_seconds = 0.0    # time spent inside sandbox execs (for overhead figures)

    def call(self, name: str, arguments: str | dict | None, call_id: str) -> ToolOutcome:
        """Parse, run and record one tool call. Never raises for a bad call."""
        args: Any = arguments
        if isinstance(arguments, str):
            try:
                args = json.loads(arguments) if arguments.strip() else {}
            except json.JSONDecodeError as e:
                args = None
                parse_error = f"arguments are not valid JSON ({e.msg} at char {e.pos})"
        self.recorder.emit(ev.TOOL_CALL, call_id=call_id, name=name,
                           arguments=args if isinstance(args, dict) else arguments)
        started = time.perf_counter()
        try:
            if args is None:
                raise ToolError(parse_error)
            if not isinstance(args, dict):
                raise ToolError("arguments must be a JSON object")
            handler = getattr(self, f"_tool_{name}", None)
            if name not in TOOL_NAMES or handler is None:
                raise ToolError(f"unknown tool {name!r}; available: {', '.join(TOOL_NAMES)}")
            outcome = handler(args)
        except (ToolError, SandboxError, ValueError, UnicodeDecodeError) as e:
            outcome = ToolOutcome(ok=False, output=f"error: {e}")
        except Exception as e:  # a harness bug must still reach the model as feedback, not kill the run
            outcome = ToolOutcome(ok=False, output=f"error: {type(e).__name__}: {e}")
        self.recorder.emit(ev.TOOL_RESULT, call_id=call_id, name=name, ok=outcome.ok, output=outcome.output,
                           exit_code=outcome.exit_code, truncated=outcome.truncated,
                           duration_s=round(time.perf_counter() - started, 4))
        if name in ("write_file", "edit_file", "delete_file", "exec"):
            self.tracker.sync()
        return outcome

    # ------------------------------------------------------------------ tools
    def _tool_read_file(self, args: dict) -> ToolOutcome:
        path = _arg(args, "path", str)
        text = self.sandbox.read_file(path).decode("utf-8", errors="replace")
        start, end = _arg(args, "start_line", int, False), _arg(args, "end_line", int, False)
        if start or end:
            lines = text.splitlines(keepends=True)
            text = "".join(lines[(start or 1) - 1:end or len(lines)])
        out, truncated = _clip(text)
        return ToolOutcome(ok=True, output=out, truncated=truncated)

    def _tool_write_file(self, args: dict) -> ToolOutcome:
        path, content = _arg(args, "path", str), _arg(args, "content", str)
        data = content.encode("utf-8")
        self.sandbox.write_file(path, data)
        self.tracker.wrote(path, data)
        return ToolOutcome(ok=True, output=f"wrote {len(content.encode())} bytes to {path}")

    def _tool_edit_file(self, args: dict) -> ToolOutcome:
        path, old, new = _arg(args, "path", str), _arg(args, "old", str), _arg(args, "new", str)
        replace_all = _arg(args, "replace_all", bool, False, False)
        if not old:
            raise ToolError("'old' must be a non-empty string to find in the file")
        text = self.sandbox.read_file(path).decode("utf-8")
        count = text.count(old)
        if count == 0:
            raise ToolError(f"'old' was not found in {path}; read the file and copy the exact text")
        if count > 1 and not replace_all:
            raise ToolError(f"'old' occurs {count} times in {path}; add context to make it unique or set replace_all")
        data = text.replace(old, new).encode("utf-8")
        self.sandbox.write_file(path, data)
        self.tracker.wrote(path, data)
        return ToolOutcome(ok=True, output=f"replaced {count if replace_all else 1} occurrence(s) in {path}")

    def _tool_delete_file(self, args: dict) -> ToolOutcome:
        path = _arg(args, "path", str)
        self.sandbox.delete_file(path)
        return ToolOutcome(ok=True, output=f"deleted {path}")

    def _tool_list_files(self, args: dict) -> ToolOutcome:
        path = _arg(args, "path", str, False, "")
        entries = self.sandbox.list_files("" if path in (".", "./") else path)
        lines = [f"{e.path}/" if e.is_dir else f"{e.path}  ({e.size} bytes)" for e in entries[:MAX_LIST_ENTRIES]]
        if len(entries) > MAX_LIST_ENTRIES:
            lines.append(f"[... {len(entries) - MAX_LIST_ENTRIES} more entries]")
        return ToolOutcome(ok=True, output="\n".join(lines) or "(empty)", truncated=len(entries) > MAX_LIST_ENTRIES)

    def _tool_search(self, args: dict) -> ToolOutcome:
        pattern = _arg(args, "pattern", str)
        path = _arg(args, "path", str, False, ".") or "."
        glob = _arg(args, "glob", str, False)
        argv = ["grep", "-rnHIE", "--color=never"]
        if glob:
            argv.append(f"--include={glob}")
        argv += ["--", pattern, path]
        result = self._exec(argv, self.exec_timeout)
        if result.exit_code == 1 and not result.stderr:
            return ToolOutcome(ok=True, output="(no matches)", exit_code=1)
        out, truncated = _clip(result.stdout + (f"\n{result.stderr}" if result.stderr else ""))
        return ToolOutcome(ok=result.exit_code == 0, output=out, exit_code=result.exit_code,
                           truncated=truncated or result.truncated)

    def _tool_exec(self, args: dict) -> ToolOutcome:
        command = _arg(args, "command", str)
        timeout = min(float(_arg(args, "timeout", float, False, self.exec_timeout)), 600.0)
        result = self._exec(["sh", "-c", command], timeout)
        parts = [f"exit code: {result.exit_code}" + (" (timed out)" if result.timed_out else "")]
        if result.stdout:
            parts.append(f"stdout:\n{result.stdout}")
        if result.stderr:
            parts.append(f"stderr:\n{result.stderr}")
        out, truncated = _clip("\n".join(parts))
        return ToolOutcome(ok=result.ok, output=out, exit_code=result.exit_code,
                           truncated=truncated or result.truncated)

    def _tool_finish(self, args: dict) -> ToolOutcome:
        _arg(args, "summary", str, False, "")
        return ToolOutcome(ok=True, output="finished", finished=True)

    def _exec(self, argv: list[str], timeout: float):
        started = time.perf_counter()
        try:
            return self.sandbox.exec(argv, cwd="", env=EXEC_ENV, timeout=timeout)
        finally:
            self.exec_seconds += time.perf_counter() - started

