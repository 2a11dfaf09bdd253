"""RSS feed helpers."""
from __future__ import annotations

import textslug

MAX_TAG = 30


def tag_url(tag: str) -> str:
    return f"/tags/{textslug.slugify(tag, max_length=MAX_TAG, word_boundary=False, drop_apostrophes=False)}/"


def feed_author(name: str) -> str:
    """The author as plain ASCII, for feed readers that mangle UTF-8 in <author>."""
    return textslug.transliterate(name)
