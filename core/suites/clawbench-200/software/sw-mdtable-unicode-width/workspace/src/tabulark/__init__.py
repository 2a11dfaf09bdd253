"""tabulark: small, dependency-free text tables."""
from .render import display_width, pad, render, truncate

__version__ = "0.7.1"
__all__ = ["display_width", "pad", "render", "truncate"]
