#!/usr/bin/env python3
"""House lint for .py files: no tabs, no trailing whitespace, lines of at most 100
characters, newline at end of file. Usage: python3 tools/lint.py PATH..."""
import sys
from pathlib import Path

MAX = 100


def lint_file(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    out = []
    for n, line in enumerate(text.split("\n"), start=1):
        if "\t" in line:
            out.append(f"{path}:{n}: tab character")
        if line != line.rstrip():
            out.append(f"{path}:{n}: trailing whitespace")
        if len(line) > MAX:
            out.append(f"{path}:{n}: line too long ({len(line)} > {MAX})")
    if text and not text.endswith("\n"):
        out.append(f"{path}: no newline at end of file")
    return out


def main(args: list[str]) -> int:
    problems = []
    for arg in args or ["."]:
        p = Path(arg)
        for f in sorted([p] if p.is_file() else p.rglob("*.py")):
            if "__pycache__" not in f.parts:
                problems += lint_file(f)
    for line in problems:
        print(line)
    print(f"lint: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
