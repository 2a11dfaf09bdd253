"""brewlog: batch log and gravity maths for the Harbour Street Homebrew Club."""

from .models import Batch, Recipe
from .calc import abv, apparent_attenuation, expected_fg

__all__ = ["Batch", "Recipe", "abv", "apparent_attenuation", "expected_fg"]
__version__ = "0.6.0"
