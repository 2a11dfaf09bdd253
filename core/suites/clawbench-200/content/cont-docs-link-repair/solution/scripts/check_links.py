#!/usr/bin/env python3
"""Internal link checker for the docs (run in CI before `mkdocs build`).

Usage: python3 scripts/check_links.py [DOCS_DIR]      (default: docs)

Prints one line per broken internal link, `<page>:<line>: <target>` (page relative to
DOCS_DIR), sorted by page then line, and exits 1 when there is any; exits 0 otherwise.
A link is broken when its file does not exist, or when it has a #anchor that is not the
slug of a heading in that file. External links are not checked.
"""
import os
import re
import sys

LINK_RE = re.compile(r"!?\[([^\]]*)\]\(([^)\s]+)\)")
HEADING_RE = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$", re.M)


def slugify(title):
    title = re.sub(r"[^\w\- ]", "", title.strip().lower())
    return re.sub(r"[ ]+", "-", title)


def anchors(path):
    with open(path, encoding="utf-8") as fh:
        return {slugify(h) for h in HEADING_RE.findall(fh.read())}


def check(docs):
    broken = []
    for root, _, files in os.walk(docs):
        for name in files:
            if not name.endswith(".md"):
                continue
            page = os.path.join(root, name)
            rel = os.path.relpath(page, docs)
            with open(page, encoding="utf-8") as fh:
                lines = fh.read().splitlines()
            for no, line in enumerate(lines, start=1):
                for m in LINK_RE.finditer(line):
                    target = m.group(2)
                    if target.startswith(("http://", "https://", "mailto:")):
                        continue
                    path, _, anchor = target.partition("#")
                    full = os.path.normpath(os.path.join(os.path.dirname(page), path)) if path else page
                    if not os.path.isfile(full):
                        broken.append((rel, no, target))
                    elif anchor and anchor not in anchors(full):
                        broken.append((rel, no, target))
    return sorted(broken)


def main():
    docs = sys.argv[1] if len(sys.argv) > 1 else "docs"
    broken = check(docs)
    for rel, no, target in broken:
        print(f"{rel}:{no}: {target}")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
