"""Reading values out of workspace documents: JSON/YAML pointers, CSV lookups and aggregates,
regex captures. Shared by the json_value, csv_value and same_value checks."""
from __future__ import annotations

import csv
import datetime
import io
import json
import math
import re
from typing import Any

import yaml

_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)   # libyaml when present, as core.task


class ExtractError(ValueError):
    """The document or the value in it is not what the check expected (reported as a failed check)."""


def parse_document(path: str, text: str) -> Any:
    """JSON for .json (and anything that parses as JSON), YAML for .yaml/.yml."""
    try:
        if path.endswith((".yaml", ".yml")):
            return yaml.load(text, Loader=_YAML_LOADER)
        return json.loads(text)
    except (json.JSONDecodeError, yaml.YAMLError) as e:
        kind = "YAML" if path.endswith((".yaml", ".yml")) else "JSON"
        raise ExtractError(f"{path} is not valid {kind}: {str(e).splitlines()[0]}") from None


_DOTTED = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def pointer_parts(pointer: str) -> list[str | int]:
    """'/a/0/b' (JSON Pointer) or 'a[0].b' (dotted) -> ['a', 0, 'b']."""
    if pointer in ("", "/"):
        return []
    if pointer.startswith("/"):
        return [p.replace("~1", "/").replace("~0", "~") for p in pointer[1:].split("/")]
    parts: list[str | int] = []
    for name, index in _DOTTED.findall(pointer):
        parts.append(int(index) if index else name)
    return parts


def resolve_pointer(doc: Any, pointer: str) -> Any:
    node = doc
    for part in pointer_parts(pointer):
        if isinstance(node, list):
            try:
                node = node[int(part)]
            except (ValueError, IndexError):
                raise ExtractError(f"{pointer}: no list item {part!r}") from None
        elif isinstance(node, dict):
            if part not in node and str(part) in node:
                part = str(part)
            if part not in node:
                raise ExtractError(f"{pointer}: no key {part!r}")
            node = node[part]
        else:
            raise ExtractError(f"{pointer}: cannot look up {part!r} in a {type(node).__name__}")
    return node


def read_csv(path: str, text: str) -> tuple[list[str], list[dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames:
        raise ExtractError(f"{path} has no CSV header")
    header = [h.strip() for h in reader.fieldnames]
    rows = [{(k or "").strip(): (v or "").strip() if isinstance(v, str) else v for k, v in row.items()}
            for row in reader]
    return header, rows


def as_number(value: Any) -> float | None:
    """A number from a value or numeric-looking text ('1,234.50', '12%', '$3'), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        s = value.strip().replace(",", "").rstrip("%").lstrip("$€£")
        try:
            n = float(s)
        except ValueError:
            return None
        return n if math.isfinite(n) else None
    return None


def _matches(row: dict[str, str], where: dict[str, Any]) -> bool:
    for col, want in where.items():
        got = row.get(col)
        if got is None:
            return False
        a, b = as_number(got), as_number(want)
        if a is not None and b is not None:
            if a != b:
                return False
        elif str(got) != str(want):
            return False
    return True


def csv_select(path: str, text: str, column: str, where: dict | None, aggregate: str | None) -> Any:
    header, rows = read_csv(path, text)
    if column not in header and not (aggregate == "count"):
        raise ExtractError(f"{path} has no column {column!r} (columns: {', '.join(header)})")
    selected = [r for r in rows if _matches(r, where or {})]
    if aggregate is None:
        if len(selected) != 1:
            raise ExtractError(f"{path}: {len(selected)} rows match {where}, expected exactly one")
        return selected[0].get(column)
    if aggregate == "count":
        return len(selected)
    numbers = []
    for r in selected:
        n = as_number(r.get(column))
        if n is None:
            raise ExtractError(f"{path}: column {column!r} has a non-numeric value {r.get(column)!r}")
        numbers.append(n)
    if not numbers:
        raise ExtractError(f"{path}: no rows to {aggregate} (filter {where})")
    return {"sum": sum, "min": min, "max": max, "mean": lambda xs: sum(xs) / len(xs)}[aggregate](numbers)


def regex_value(path: str, text: str, pattern: str) -> str:
    m = re.search(pattern, text, re.MULTILINE)
    if not m:
        raise ExtractError(f"{path}: pattern {pattern!r} does not match")
    return m.group(1) if m.groups() else m.group(0)


def extract(spec: dict[str, Any], text: str) -> Any:
    """The value an extractor spec (pointer / column / regex) names in a document's text."""
    path = spec["path"]
    if "pointer" in spec:
        return resolve_pointer(parse_document(path, text), spec["pointer"])
    if "column" in spec:
        return csv_select(path, text, spec["column"], spec.get("where"), spec.get("aggregate"))
    return regex_value(path, text, spec["regex"])


def _plain(value: Any) -> Any:
    """YAML turns 2024-06-07 into a date; CSV cells and regex captures stay text. Compare as ISO text."""
    return value.isoformat() if isinstance(value, (datetime.date, datetime.time)) else value


def values_equal(a: Any, b: Any, tolerance: float = 1e-6) -> bool:
    """Numbers (and numeric text) compare within tolerance; dates as ISO text; everything else exactly."""
    a, b = _plain(a), _plain(b)
    na, nb = as_number(a), as_number(b)
    if na is not None and nb is not None:
        return abs(na - nb) <= tolerance
    if isinstance(a, str) and isinstance(b, str):
        return a.strip() == b.strip()
    return a == b
