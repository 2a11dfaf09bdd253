"""Versions and version constraints, as specified in docs/constraints.md."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import total_ordering

_VERSION = re.compile(
    r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)"
    r"(?:-((?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*)(?:\.(?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*))*))?"
    r"(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$"
)


@total_ordering
@dataclass(frozen=True)
class Version:
    major: int
    minor: int
    patch: int
    prerelease: tuple = ()

    @classmethod
    def parse(cls, text: str) -> "Version":
        m = _VERSION.match(text.strip())
        if not m:
            raise ValueError(f"invalid version: {text!r}")
        pre = tuple(m.group(4).split(".")) if m.group(4) else ()
        return cls(int(m.group(1)), int(m.group(2)), int(m.group(3)), pre)

    @property
    def core(self) -> tuple:
        return (self.major, self.minor, self.patch)

    def __str__(self) -> str:
        pre = "-" + ".".join(str(p) for p in self.prerelease) if self.prerelease else ""
        return f"{self.major}.{self.minor}.{self.patch}{pre}"

    def _key(self):
        # a prerelease sorts before the release itself
        return (self.core, 0 if self.prerelease else 1, self.prerelease)

    def __lt__(self, other: "Version") -> bool:
        return self._key() < other._key()

    def __eq__(self, other) -> bool:
        return isinstance(other, Version) and self._key() == other._key()

    def __hash__(self):
        return hash(self._key())


_OPS = {
    "=": lambda v, b: v == b, "!=": lambda v, b: v != b,
    ">": lambda v, b: v > b, ">=": lambda v, b: v >= b,
    "<": lambda v, b: v < b, "<=": lambda v, b: v <= b,
}
_PARTIAL = re.compile(r"^(\d+)(?:\.(\d+|[xX]))?(?:\.(\d+|[xX]))?$")


def _range(text: str) -> list[tuple[str, Version]]:
    """One comparator text -> list of (op, Version) that must all hold."""
    text = text.strip()
    m = re.match(r"^(\^|~|>=|<=|!=|>|<|=)?\s*(.*)$", text)
    op, rest = m.group(1) or "", m.group(2).strip()
    if op in (">=", "<=", "!=", ">", "<"):
        return [(op, Version.parse(rest))]
    if rest == "*":
        return []
    if _VERSION.match(rest) and op in ("", "="):
        return [("=", Version.parse(rest))]
    if op in ("^", "~") and _VERSION.match(rest):
        v = Version.parse(rest)
        given = 3
    else:
        pm = _PARTIAL.match(rest)
        if not pm:
            raise ValueError(f"invalid constraint: {text!r}")
        parts = [pm.group(1), pm.group(2), pm.group(3)]
        given = sum(1 for p in parts if p is not None and p.isdigit())
        v = Version(*(int(p) if p is not None and p.isdigit() else 0 for p in parts))
    if op == "^":
        upper = Version(v.major + 1, 0, 0)
    elif op == "~":
        upper = Version(v.major, v.minor + 1, 0)
    else:
        upper = Version(v.major + 1, 0, 0) if given == 1 else Version(v.major, v.minor + 1, 0)
    return [(">=", v), ("<", upper)]


def parse_constraint(text: str) -> list[tuple[str, Version]]:
    """'>=1.2.0, <2.0.0' -> list of (op, Version) that must all hold."""
    if not text or not text.strip():
        raise ValueError("empty constraint")
    comparators = []
    for part in text.split(","):
        comparators.extend(_range(part))
    return comparators


def satisfies(version: str | Version, constraint: str) -> bool:
    v = version if isinstance(version, Version) else Version.parse(version)
    return all(_OPS[op](v, bound) for op, bound in parse_constraint(constraint))
