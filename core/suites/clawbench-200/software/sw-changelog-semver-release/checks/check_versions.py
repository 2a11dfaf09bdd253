"""The version is 2.3.2 in pyproject.toml, the package and docs/conf.py (release), and the
short docs version stays 2.3."""
import json
import re
import sys


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


def grab(path, pattern):
    try:
        m = re.search(pattern, open(path, encoding="utf-8").read(), re.M)
    except FileNotFoundError:
        return "missing"
    return m.group(1) if m else None


got = {
    "pyproject.toml version": grab("pyproject.toml", r"^version\s*=\s*\"([^\"]+)\""),
    "__init__ __version__": grab("src/pagemill/__init__.py", r"^__version__\s*=\s*[\"']([^\"']+)[\"']"),
    "docs release": grab("docs/conf.py", r"^release\s*=\s*[\"']([^\"']+)[\"']"),
    "docs version": grab("docs/conf.py", r"^version\s*=\s*[\"']([^\"']+)[\"']"),
}
want = {"pyproject.toml version": "2.3.2", "__init__ __version__": "2.3.2", "docs release": "2.3.2", "docs version": "2.3"}
bad = {k: v for k, v in got.items() if v != want[k]}
if bad:
    verdict(False, bad, {k: want[k] for k in bad}, "version not bumped consistently")
verdict(True, got, want, "version 2.3.2 everywhere, short version 2.3")
