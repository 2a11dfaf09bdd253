"""textslug 2.0.0 - URL slugs from arbitrary text.

Vendored from https://pypi.org/project/textslug/2.0.0/ (MIT). Do not edit; see MIGRATING.md
for the changes from 1.x.
"""
from __future__ import annotations

import re
import unicodedata

__version__ = "2.0.0"
__all__ = ["SlugError", "slugify", "transliterate", "unique_slug"]

_TRANSLIT = {"ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "å": "a", "Å": "A", "ł": "l", "Ł": "L",
             "œ": "oe", "Œ": "OE", "đ": "d", "Đ": "D", "þ": "th", "Þ": "TH"}
_APOSTROPHES = re.compile(r"['\u2019\u02bc]")


class SlugError(ValueError):
    """Raised for invalid arguments."""


def transliterate(text: str, *, fallback: str = "") -> str:
    """ASCII version of `text`: special letters mapped, accents stripped; characters without
    an ASCII form become `fallback`."""
    out = []
    for ch in text:
        ch = _TRANSLIT.get(ch, ch)
        plain = unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode("ascii")
        out.append(plain if plain or not ch.strip() else fallback)
    return "".join(out)


def slugify(text: str, *, separator: str = "-", max_length: int | None = None, word_boundary: bool = True,
            lowercase: bool = True, drop_apostrophes: bool = True) -> str:
    """Slug of `text`. See MIGRATING.md for the differences from 1.x."""
    if max_length is not None and max_length < 1:
        raise SlugError("max_length must be positive")
    if drop_apostrophes:
        text = _APOSTROPHES.sub("", text)
    text = transliterate(text)
    if lowercase:
        text = text.lower()
    slug = re.sub(r"[^A-Za-z0-9]+", separator, text).strip(separator)
    if max_length and len(slug) > max_length:
        cut = slug[:max_length]
        if word_boundary and slug[max_length] != separator and separator in cut:
            cut = cut[:cut.rfind(separator)]
        slug = cut.rstrip(separator)
    return slug


def unique_slug(slug: str, existing, *, start: int = 1, separator: str = "-") -> str:
    """`slug`, or `slug<separator><n>` with the smallest n >= start that is not in `existing`."""
    if slug not in existing:
        return slug
    n = start
    while f"{slug}{separator}{n}" in existing:
        n += 1
    return f"{slug}{separator}{n}"
