"""The scenario-family registry: every procedural generator, by name."""
from __future__ import annotations

from .base import Family, GenContext, difficulty_for
from . import analysis, content, planning, productivity, software, systems

ALL: tuple[Family, ...] = (*analysis.FAMILIES, *systems.FAMILIES, *productivity.FAMILIES, *content.FAMILIES, *planning.FAMILIES,
                              *software.FAMILIES)
FAMILIES: dict[str, Family] = {f.name: f for f in ALL}

__all__ = ["ALL", "FAMILIES", "Family", "GenContext", "difficulty_for"]
