"""The site model: pages found under a source folder, rendered into an output folder."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Site:
    source: Path
    output: Path
    drafts: bool = False
    pages: list[Path] = field(default_factory=list)

    def discover(self) -> list[Path]:
        self.pages = sorted(p for p in self.source.rglob("*.md") if self.drafts or not p.name.startswith("_"))
        return self.pages
