"""The two routes into the pipeline. Each item (seed, index) is planned here, cheaply and
deterministically, before any generation: which route, which persona, which skills, which family.

- persona (top-down): a persona archetype with an intent the drawn family serves -> the persona's
  sector, name and organisation shape the scenario; the family's optional variants are switched on
  at random.
- skill (bottom-up): a combination of compatible skills composed around an anchor skill of the drawn
  family -> a family that can realise it within those skills (the drawn one when it can; variants =
  the composed optional skills) -> a persona who would ask for it.
Both first draw a domain, then a family within it, each level, so coverage does not depend on how
many personas or skills happen to lead to a family.
"""
from __future__ import annotations

from dataclasses import dataclass

from .families import ALL, Family
from .personas import ARCHETYPES, ARCHETYPES_BY_ID
from .seeds import rng_for
from .skills import compose, load_skills

ROUTES = ("persona", "skill", "both")


@dataclass(frozen=True)
class WorkItem:
    seed: int
    index: int
    route: str                     # persona | skill
    family: str                    # a family name, or "llm"
    archetype: str
    intent: str
    skills: tuple[str, ...]        # what the task may use
    variants: frozenset[str]       # the family's optional skills switched on
    domain: str = ""               # the domain drawn for the item (the LLM engine is told it)

    @property
    def id(self) -> str:
        return f"syn{self.seed}-{self.index:05d}-{self.family}"


def route_of(route: str, index: int) -> str:
    if route not in ROUTES:
        raise ValueError(f"--route must be one of {', '.join(ROUTES)}, got {route!r}")
    return route if route != "both" else ("persona", "skill")[index % 2]


def plan_item(seed: int, index: int, route: str, families: tuple[Family, ...] = ALL,
              engine: str = "procedural") -> WorkItem:
    rng = rng_for(seed, index, "route")
    route = route_of(route, index)
    domain = rng.choice(sorted({f.domain for f in families}))   # level domains whatever the intent mix
    in_domain = [f for f in families if f.domain == domain]
    # a scenario family drawn level within the domain: drawing the persona (or skill) first would hand a
    # family a share in proportion to how many personas (skills) lead only to it, up to 6x apart
    target = rng.choice(in_domain)
    if route == "persona":
        askers = [a for a in ARCHETYPES if set(target.intents) & set(a.intents)] or list(ARCHETYPES)
        archetype = rng.choice(askers)
        family = target
        intent = rng.choice([i for i in family.intents if i in archetype.intents] or list(family.intents))
        variants = frozenset(s for s in family.optional_skills if rng.random() < 0.5)
        skills = tuple(sorted({*family.skills, *variants}))
    else:
        family, skills, variants = compose(rng, in_domain, load_skills(), prefer=target)
        askers = [a for a in ARCHETYPES if set(a.intents) & set(family.intents)] or list(ARCHETYPES)
        archetype = rng.choice(askers)
        intent = rng.choice([i for i in family.intents if i in archetype.intents] or list(family.intents))
    name = "llm" if engine == "llm" else family.name
    return WorkItem(seed=seed, index=index, route=route, family=name, archetype=archetype.id, intent=intent,
                    skills=skills, variants=variants if engine != "llm" else frozenset(), domain=domain)


def archetype_of(item: WorkItem):
    return ARCHETYPES_BY_ID[item.archetype]
