"""Message lookup: locales/<lang>.json, falling back to English for missing or null keys."""
import json
import os

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_CACHE = {}
LANG = "en"


def catalog(lang):
    if lang not in _CACHE:
        with open(os.path.join(HERE, "locales", f"{lang}.json"), encoding="utf-8") as fh:
            _CACHE[lang] = json.load(fh)
    return _CACHE[lang]


def t(key, **params):
    text = catalog(LANG).get(key) or catalog("en")[key]
    return text.format(**params)
