"""The scenario-family contract. A family is a parameterised generator for one kind of task; it
implements the three generation stages separately so each has its own output:

    plan(ctx)                 -> TaskPlan       stage 1: instruction, intent, expected artifacts
    prepare(ctx, plan)        -> Workspace      stage 2: the seeded mock workspace, with traps
    design(ctx, plan, ws)     -> Verification   stage 3: checks computed by re-reading ws.files

Stage 3 must derive every expected value from the workspace text it is given (parse the CSV,
count the log lines), never from stage 2's internal variables, so a check can only agree with
the data the agent will see.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from ..model import Persona, TaskPlan, Verification, Workspace
from ..seeds import rng_for


@dataclass
class GenContext:
    seed: int
    index: int
    persona: Persona
    variants: frozenset[str] = field(default_factory=frozenset)   # optional skills switched on

    def rng(self, stage: str):
        return rng_for(self.seed, self.index, stage)

    def uses(self, skill: str) -> bool:
        return skill in self.variants


class Family:
    name: ClassVar[str]
    domain: ClassVar[str]
    intents: ClassVar[tuple[str, ...]]
    skills: ClassVar[tuple[str, ...]]                 # the solution stays within these
    optional_skills: ClassVar[tuple[str, ...]] = ()   # each one, when composed in, adds a variant
    summary: ClassVar[str]

    def plan(self, ctx: GenContext) -> TaskPlan:
        raise NotImplementedError

    def prepare(self, ctx: GenContext, plan: TaskPlan) -> Workspace:
        raise NotImplementedError

    def design(self, ctx: GenContext, plan: TaskPlan, ws: Workspace) -> Verification:
        raise NotImplementedError


def difficulty_for(points: int) -> str:
    """Map a family's count of complications (traps, extra outputs, files) to a difficulty."""
    return "easy" if points <= 1 else "medium" if points <= 3 else "hard"
