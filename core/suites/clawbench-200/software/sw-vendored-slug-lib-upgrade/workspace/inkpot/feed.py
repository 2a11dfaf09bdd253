"""RSS feed helpers."""
from __future__ import annotations

import textslug

MAX_TAG = 30


def tag_url(tag: str) -> str:
    return f"/tags/{textslug.slugify(tag, max_len=MAX_TAG)}/"


def feed_author(name: str) -> str:
    """The author as plain ASCII, for feed readers that mangle UTF-8 in <author>."""
    return textslug.to_ascii(name)
