"""The procedural engine: a work item through a family's three generation stages, deterministic
from (seed, index)."""
from __future__ import annotations

import time

from .families import FAMILIES, GenContext
from .model import Draft
from .personas import make_persona
from .routes import WorkItem, archetype_of
from .seeds import rng_for


def persona_for(item: WorkItem):
    return make_persona(archetype_of(item), rng_for(item.seed, item.index, "persona"))


def origin_for(item: WorkItem, persona, generator: str) -> dict:
    return {"route": item.route, "persona": f"{persona.id}: {persona.name}", "skills": list(item.skills),
            "generator": generator, "seed": item.seed, "family": item.family}


def generate(item: WorkItem, timings: dict[str, float] | None = None) -> Draft:
    """Stages 1-3 for one item. `timings` (if given) receives seconds per stage."""
    timings = timings if timings is not None else {}
    family = FAMILIES[item.family]
    persona = persona_for(item)
    ctx = GenContext(seed=item.seed, index=item.index, persona=persona, variants=item.variants)
    t0 = time.perf_counter()
    plan = family.plan(ctx)
    t1 = time.perf_counter()
    workspace = family.prepare(ctx, plan)
    t2 = time.perf_counter()
    verification = family.design(ctx, plan, workspace)
    t3 = time.perf_counter()
    timings.update({"task_generation": t1 - t0, "resource_preparation": t2 - t1, "verification_design": t3 - t2})
    plan.intent = item.intent if item.intent in family.intents else plan.intent
    return Draft(id=item.id, plan=plan, workspace=workspace, verification=verification, persona=persona,
                 origin=origin_for(item, persona, f"procedural/{family.name}"), skills=item.skills)
