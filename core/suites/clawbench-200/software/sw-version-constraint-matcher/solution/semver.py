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
        pre = tuple(int(p) if p.isdigit() else p for p in m.group(4).split(".")) if m.group(4) else ()
        return cls(int(m.group(1)), int(m.group(2)), int(m.group(3)), pre)

    @property
    def core(self) -> tuple:
        return (self.major, self.minor, self.patch)

    def __str__(self) -> str:
        pre = "-" + ".".join(str(p) for p in self.prerelease) if self.prerelease else ""
        return f"{self.major}.{self.minor}.{self.patch}{pre}"

    def _key(self):
        if not self.prerelease:
            return (self.core, 1, ())
        # numeric identifiers sort before alphanumeric ones and compare as numbers
        return (self.core, 0, tuple((0, p, "") if isinstance(p, int) else (1, 0, p) for p in self.prerelease))

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
_PARTIAL = re.compile(r"^(\d+|[xX*])(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?$")


def _num(part):
    return None if part is None or part in ("x", "X", "*") else int(part)


def _range(text: str) -> list[tuple[str, Version]]:
    """One comparator text -> list of (op, Version) that must all hold."""
    text = text.strip()
    m = re.match(r"^(\^|~|>=|<=|!=|>|<|=)?\s*(.*)$", text)
    op, rest = m.group(1) or "", m.group(2).strip()
    if op in (">=", "<=", "!=", ">", "<"):
        return [(op, Version.parse(rest))]
    if rest in ("*", "x", "X") and op == "":
        return []
    if _VERSION.match(rest) and op in ("", "="):
        return [("=", Version.parse(rest))]
    if op in ("^", "~") and _VERSION.match(rest):
        v = Version.parse(rest)
        parts = [v.major, v.minor, v.patch]
        given = 3
    else:
        pm = _PARTIAL.match(rest)
        if not pm:
            raise ValueError(f"invalid constraint: {text!r}")
        parts = [_num(pm.group(1)), _num(pm.group(2)), _num(pm.group(3))]
        given = next((i for i, p in enumerate(parts) if p is None), 3)
        if any(p is not None for p in parts[given:]):
            raise ValueError(f"invalid constraint: {text!r}")
        if op == "=" or (op == "" and given == 3):
            raise ValueError(f"invalid constraint: {text!r}")
        v = Version(*(p or 0 for p in parts))
    if op == "^":
        if given == 0:
            raise ValueError(f"invalid constraint: {text!r}")
        if v.major > 0 or given == 1:
            upper = Version(v.major + 1, 0, 0)
        elif v.minor > 0 or given == 2:
            upper = Version(0, v.minor + 1, 0)
        else:
            upper = Version(0, 0, v.patch + 1)
    elif op == "~":
        if given == 0:
            raise ValueError(f"invalid constraint: {text!r}")
        upper = Version(v.major + 1, 0, 0) if given == 1 else Version(v.major, v.minor + 1, 0)
    else:  # wildcard / partial version
        if given == 0:
            return []
        upper = Version(v.major + 1, 0, 0) if given == 1 else Version(v.major, v.minor + 1, 0)
    return [(">=", v), ("<", upper)]


def parse_constraint(text: str) -> list[list[tuple[str, Version]]]:
    """'>=1.2.0, <2.0.0 || ^3.1' -> OR-list of AND-lists of (op, Version)."""
    if not text or not text.strip():
        raise ValueError("empty constraint")
    alternatives = []
    for alt in text.split("||"):
        parts = [p for p in alt.split(",")]
        if any(not p.strip() for p in parts):
            raise ValueError(f"invalid constraint: {text!r}")
        comparators = []
        for part in parts:
            comparators.extend(_range(part))
        alternatives.append(comparators)
    return alternatives


def satisfies(version: str | Version, constraint: str) -> bool:
    v = version if isinstance(version, Version) else Version.parse(version)
    for comparators in parse_constraint(constraint):
        if not all(_OPS[op](v, bound) for op, bound in comparators):
            continue
        if v.prerelease and not any(b.prerelease and b.core == v.core for _, b in comparators):
            continue  # prereleases only match ranges that name a prerelease of the same version
        return True
    return False
