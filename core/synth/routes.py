"""The two routes into the pipeline. Each item (seed, index) is planned here, cheaply and
deterministically, before any generation: which route, which persona, which skills, which family.

- persona (top-down): a persona archetype -> a family serving one of its intents (within a domain
  drawn first, so the six domains stay level) -> the persona's sector, name and organisation shape
  the scenario; the family's optional variants are switched on at random.
- skill (bottom-up): a composed combination of compatible skills -> a family that can realise it
  within those skills (variants = the composed optional skills) -> a persona who would ask for it.
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
    if route == "persona":
        askers = [a for a in ARCHETYPES if any(set(f.intents) & set(a.intents) for f in in_domain)] or list(ARCHETYPES)
        archetype = rng.choice(askers)
        family = rng.choice([f for f in in_domain if set(f.intents) & set(archetype.intents)] or in_domain)
        intent = rng.choice([i for i in family.intents if i in archetype.intents] or list(family.intents))
        variants = frozenset(s for s in family.optional_skills if rng.random() < 0.5)
        skills = tuple(sorted({*family.skills, *variants}))
    else:
        family, skills, variants = compose(rng, in_domain, load_skills())
        askers = [a for a in ARCHETYPES if set(a.intents) & set(family.intents)] or list(ARCHETYPES)
        archetype = rng.choice(askers)
        intent = rng.choice([i for i in family.intents if i in archetype.intents] or list(family.intents))
    name = "llm" if engine == "llm" else family.name
    return WorkItem(seed=seed, index=index, route=route, family=name, archetype=archetype.id, intent=intent,
                    skills=skills, variants=variants if engine != "llm" else frozenset(), domain=domain)


def archetype_of(item: WorkItem):
    return ARCHETYPES_BY_ID[item.archetype]
