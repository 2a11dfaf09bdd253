"""Recipes and batches as read from the club's JSON batch sheets."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .calc import abv, apparent_attenuation


@dataclass(frozen=True)
class Recipe:
    name: str
    style: str
    yeast_attenuation: float  # the yeast's nominal apparent attenuation, in percent


@dataclass(frozen=True)
class Batch:
    batch_id: str
    brewer: str
    recipe: Recipe
    og: float  # original gravity, e.g. 1.052
    fg: float  # final gravity, e.g. 1.011

    @property
    def abv(self) -> float:
        return abv(self.og, self.fg)

    @property
    def attenuation(self) -> int:
        return apparent_attenuation(self.og, self.fg)

    @classmethod
    def from_file(cls, path: str | Path) -> "Batch":
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
        r = raw["recipe"]
        recipe = Recipe(r["name"], r["style"], float(r["yeast_attenuation"]))
        return cls(raw["batch_id"], raw["brewer"], recipe, float(raw["og"]), float(raw["fg"]))
