"""pagemill - a small static site generator."""

__version__ = "2.3.1"

from .site import Site  # noqa: E402

__all__ = ["Site", "__version__"]
