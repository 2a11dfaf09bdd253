"""textslug 1.4.2 (the version inkpot used before the upgrade), kept to compute the URLs that must not change."""
import re
import unicodedata

__version__ = "1.4.2"

_TRANSLIT = {"ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "å": "a", "Å": "A", "ł": "l", "Ł": "L",
             "œ": "oe", "Œ": "OE", "đ": "d", "Đ": "D", "þ": "th", "Þ": "TH"}


def to_ascii(text):
    text = "".join(_TRANSLIT.get(c, c) for c in text)
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def slugify(text, sep="-", max_len=None):
    slug = re.sub(r"[^a-z0-9]+", sep, to_ascii(text).lower()).strip(sep)
    if max_len:
        slug = slug[:max_len].rstrip(sep)
    return slug


def dedupe(slug, taken):
    if slug not in taken:
        return slug
    n = 2
    while f"{slug}-{n}" in taken:
        n += 1
    return f"{slug}-{n}"
