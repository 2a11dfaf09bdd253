"""Permalinks. Published URLs are permanent: changing how they are computed breaks links
from search engines and other sites, so any change here must keep existing URLs identical."""
from __future__ import annotations

from datetime import date

import textslug

MAX_SLUG = 60


def post_slug(title: str) -> str:
    return textslug.slugify(title, "-", MAX_SLUG)


def post_url(published: date, title: str) -> str:
    return f"/{published:%Y/%m}/{post_slug(title)}/"


def author_url(name: str) -> str:
    # author URLs use underscores (inherited from the 2015 site)
    return f"/authors/{textslug.slugify(name, sep='_')}/"


def month_urls(posts: list[tuple[date, str]]) -> list[str]:
    """URLs of one month's posts in publication order; a title used again that month gets
    a numeric suffix."""
    taken: list[str] = []
    urls = []
    for published, title in posts:
        slug = textslug.dedupe(post_slug(title), taken)
        taken.append(slug)
        urls.append(f"/{published:%Y/%m}/{slug}/")
    return urls
