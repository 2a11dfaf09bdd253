#!/usr/bin/env python3
"""Report broken relative links in the wiki.

Usage: python3 tools/check_links.py [WIKI_DIR]

Prints one line per broken link (`page:line: target`) and a summary line. A link is broken
when its file does not exist or when its `#anchor` is not a heading of the target page.
Links inside fenced code blocks are examples and are ignored; links with a scheme
(https:, mailto:) are not checked. Exit status 1 when a broken link is found.
"""
import os
import re
import sys

LINK = re.compile(r"(?<!!)\[([^\]]*)\]\(([^)\s]+)\)")
HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")


def slug(title):
    title = re.sub(r"[^\w\- ]", "", title.strip().lower())
    return title.replace(" ", "-")


def anchors(path):
    with open(path, encoding="utf-8") as fh:
        return {slug(m.group(1)) for m in map(HEADING.match, fh) if m}


def links(path):
    fenced = False
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, start=1):
            if line.lstrip().startswith("```"):
                fenced = not fenced
                continue
            if fenced:
                continue
            for m in LINK.finditer(line):
                yield lineno, m.group(2)


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "wiki"
    broken, pages = [], set()
    for folder, _dirs, files in os.walk(root):
        for name in sorted(files):
            if not name.endswith(".md"):
                continue
            page = os.path.join(folder, name)
            rel = os.path.relpath(page, root)
            for lineno, target in links(page):
                if re.match(r"^[a-z]+:", target):
                    continue
                file_part, _, anchor = target.partition("#")
                if file_part:
                    resolved = os.path.normpath(os.path.join(os.path.dirname(page), file_part))
                else:  # same-page link: check the anchor against this page
                    resolved = page
                if not os.path.exists(resolved) or (anchor and anchor not in anchors(resolved)):
                    broken.append(f"{rel}:{lineno}: {target}")
                    pages.add(rel)
    for line in sorted(broken):
        print(line)
    print(f"{len(broken)} broken link(s) in {len(pages)} page(s)")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
