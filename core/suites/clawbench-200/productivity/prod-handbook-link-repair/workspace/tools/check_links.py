#!/usr/bin/env python3
"""List broken relative links in the handbook.

    python3 tools/check_links.py [handbook-dir]

Checks inline links/images `[text](target)` and reference definitions `[id]: target` in
every .md file, outside fenced code blocks. External links (scheme:...) and in-page
anchors (#...) are skipped. Prints `page:line: target` per broken link; exit 1 if any.
"""
import os
import re
import sys

LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")
REF = re.compile(r"^\s*\[[^\]]+\]:\s*(\S+)")


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "handbook"
    broken = 0
    for dirpath, _, files in sorted(os.walk(root)):
        for name in sorted(files):
            if not name.endswith(".md"):
                continue
            page = os.path.join(dirpath, name)
            fence = False
            for n, line in enumerate(open(page, encoding="utf-8"), 1):
                if line.strip().startswith("```"):
                    fence = not fence
                    continue
                if fence:
                    continue
                targets = LINK.findall(line)
                m = REF.match(line)
                if m:
                    targets.append(m.group(1))
                for target in targets:
                    if re.match(r"^[a-z]+:", target) or target.startswith("#"):
                        continue
                    path = target.split("#", 1)[0]
                    if not os.path.exists(os.path.normpath(os.path.join(dirpath, path))):
                        print(f"{os.path.relpath(page, root)}:{n}: {target}")
                        broken += 1
    print(f"{broken} broken link(s)", file=sys.stderr)
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
