"""Lint rules. Each rule takes the document lines and yields (line number, message)."""
from __future__ import annotations

from collections.abc import Iterator


def trailing_whitespace(lines: list[str]) -> Iterator[tuple[int, str]]:
    for n, line in enumerate(lines, start=1):
        if line != line.rstrip():
            yield n, "trailing whitespace"


def heading_increment(lines: list[str]) -> Iterator[tuple[int, str]]:
    last = 0
    for n, line in enumerate(lines, start=1):
        if line.startswith("#"):
            level = len(line) - len(line.lstrip("#"))
            if last and level > last + 1:
                yield n, f"heading level jumps from {last} to {level}"
            last = level
