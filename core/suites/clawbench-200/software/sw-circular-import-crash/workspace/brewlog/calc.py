"""Gravity maths, as in docs/formulas.md."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from .models import Recipe


def _round(value: float, places: int) -> float:
    q = Decimal(1).scaleb(-places)
    return float(Decimal(repr(value)).quantize(q, rounding=ROUND_HALF_UP))


def abv(og: float, fg: float) -> float:
    """Alcohol by volume in percent, one decimal."""
    return _round((og - fg) * 131.25, 1)


def apparent_attenuation(og: float, fg: float) -> int:
    """Apparent attenuation in whole percent."""
    return int(_round((og - fg) / (og - 1) * 100, 0))


def expected_fg(og: float, recipe: Recipe) -> float:
    """Final gravity the recipe's yeast should reach from this OG, three decimals."""
    return _round(1 + (og - 1) * (1 - recipe.yeast_attenuation / 100), 3)
