#!/usr/bin/env python3
"""PR check: every file in changes/ must be a well-formed news fragment (docs/releasing.md)."""
import re
import sys
from pathlib import Path

TYPES = {"feature", "change", "deprecation", "removal", "bugfix", "doc", "misc"}
NOT_FRAGMENTS = {"README.md", "_template.md", ".gitkeep"}
NAME = re.compile(r"^(?:(?P<issue>[1-9][0-9]*)|\+(?P<slug>[a-z0-9][a-z0-9-]*))\.(?P<type>[a-z]+)\.md$")


def main() -> int:
    problems = []
    fragments = 0
    for path in sorted(Path("changes").iterdir()):
        if path.name in NOT_FRAGMENTS:
            continue
        m = NAME.match(path.name)
        if not m:
            problems.append(f"{path}: not a fragment name (<issue>.<type>.md or +<slug>.<type>.md)")
            continue
        if m.group("type") not in TYPES:
            problems.append(f"{path}: unknown fragment type {m.group('type')!r} (one of {', '.join(sorted(TYPES))})")
            continue
        if not path.read_text(encoding="utf-8").strip():
            problems.append(f"{path}: empty fragment")
            continue
        fragments += 1
    for p in problems:
        print(p)
    print(f"{fragments} valid fragment(s), {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
