"""Slugs for customer and payee names (docs/helpers.md)."""
from __future__ import annotations

import re
import unicodedata


def slugify(name: str) -> str:
    """'Café Ölberg GmbH' -> 'cafe-olberg-gmbh'."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
