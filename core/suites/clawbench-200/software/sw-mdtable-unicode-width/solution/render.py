"""Render rows as Markdown or grid tables for terminals and chat (see docs/rendering.md)."""
import re
import unicodedata

NUMERIC = re.compile(r"^[+-]?\d+(\.\d+)?%?$")
ZERO_WIDTH = {"\u200b", "\u200c", "\u200d", "\ufe0e", "\ufe0f"}
ELLIPSIS = "\u2026"


def display_width(text):
    """Terminal columns taken by text: East Asian wide/fullwidth characters take 2,
    combining marks and zero-width characters 0, everything else 1."""
    width = 0
    for ch in str(text):
        if ch in ZERO_WIDTH or unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def truncate(text, max_width):
    """Shorten text to at most max_width columns, ending with an ellipsis when cut."""
    text = str(text)
    if max_width is None or display_width(text) <= max_width:
        return text
    out, used = [], 0
    for ch in text:
        w = display_width(ch)
        if used + w > max_width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + ELLIPSIS


def pad(text, width, align="left"):
    gap = width - display_width(text)
    return (" " * gap + text) if align == "right" else (text + " " * gap)


def _is_numeric_column(cells):
    values = [c for c in cells if c != ""]
    return bool(values) and all(NUMERIC.match(c) for c in values)


def render(rows, headers, style="markdown", max_col_width=None):
    headers = [truncate(h, max_col_width) for h in headers]
    rows = [[truncate("" if c is None else c, max_col_width) for c in row] for row in rows]
    columns = list(zip(*rows)) if rows else [[] for _ in headers]
    aligns = ["right" if _is_numeric_column(col) else "left" for col in columns]
    widths = [max([3, display_width(h)] + [display_width(c) for c in col]) for h, col in zip(headers, columns)]

    def line(cells):
        return "| " + " | ".join(pad(c, w, a) for c, w, a in zip(cells, widths, aligns)) + " |"

    if style == "markdown":
        sep = "|" + "|".join(("-" * (w + 1) + ":") if a == "right" else ("-" * (w + 2)) for w, a in zip(widths, aligns)) + "|"
        out = [line(headers), sep] + [line(r) for r in rows]
    elif style == "grid":
        rule = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
        head = "+" + "+".join("=" * (w + 2) for w in widths) + "+"
        out = [rule, line(headers), head] + [line(r) for r in rows] + [rule]
    else:
        raise ValueError(f"unknown style {style!r}")
    return "\n".join(out) + "\n"
