"""Interoperability with the public formats of the field.

- Task sets: ClawGym (folder form and JSONL form) and PinchBench (one Markdown file per task) are
  detected (`detect`), converted to task folders of ours (`clawgym`, `pinchbench`, `materialize`)
  and loaded like any task (`loader`); their checkers run as `grader` checks (`grading`) that are
  handed the run's transcript in OpenClaw's shape (`transcript`).
- Trajectories: ATIF v1.4 export, validation and import as a stored run (`atif`).

See docs/interop.md.
"""
from __future__ import annotations

from .detect import FORMATS, Source, detect_format, find_sources
from .loader import import_tasks, load_external, resolve_external

__all__ = ["FORMATS", "Source", "detect_format", "find_sources", "import_tasks", "load_external",
           "resolve_external"]
