"""Task synthesis: two routes (persona-driven top-down, skill-grounded bottom-up), four stages
(task generation, resource preparation, verification design, quality assessment) and two engines
(procedural, LLM-drafted) that all meet in the task format of docs/task-format.md.

    from core.synth import SynthConfig, synthesize, stats
    summary = synthesize(SynthConfig(out=Path("out"), count=100, seed=1, jobs=2))
    print(stats("out")["domains"])

See docs/synthesis.md.
"""
from __future__ import annotations

from .families import ALL as FAMILY_LIST, FAMILIES
from .manifest import read_manifest, render_stats, stats
from .pipeline import SynthConfig, SynthProgress, SynthSummary, process_item, synthesize
from .routes import ROUTES, WorkItem, plan_item
from .skills import Skill, SkillError, load_skills

__all__ = ["FAMILIES", "FAMILY_LIST", "ROUTES", "Skill", "SkillError", "SynthConfig", "SynthProgress", "SynthSummary",
           "WorkItem", "load_skills", "plan_item", "process_item", "read_manifest", "render_stats", "stats", "synthesize"]
