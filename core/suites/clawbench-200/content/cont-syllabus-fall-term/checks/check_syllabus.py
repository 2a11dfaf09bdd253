"""Checks on syllabus/DATA201-fall-2024.md. Mode (argv[1]):
  schedule - the Schedule table has exactly the expected sessions (number, day + date, topic)
  grading  - the Grading table lists the course.toml components in order, summing to 100%
  kept     - the Course description and Policies sections are word for word the spring ones
"""
import json
import os
import re
import sys

PATH = "syllabus/DATA201-fall-2024.md"
SPRING = "syllabus/DATA201-spring-2024.md"
CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
GRADING = [["Problem sets", 25], ["Lab notebooks", 10], ["Midterm exam", 20], ["Final project", 20], ["Final exam", 25]]
SPRING_SECTIONS = None


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


def section(text, title):
    m = re.search(r"^## " + re.escape(title) + r"[ \t]*\n([\s\S]*?)(?=^## |\Z)", text, re.M)
    return m.group(1) if m else None


def table_rows(body):
    rows = []
    for line in (body or "").splitlines():
        line = line.strip()
        if line.startswith("|") and line.endswith("|"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            if all(re.fullmatch(r":?-{3,}:?", c) for c in cells):
                continue
            rows.append(cells)
    return rows[1:] if rows else rows  # drop the header row


if not os.path.isfile(PATH):
    verdict(False, "missing", PATH, f"{PATH} does not exist")
text = open(PATH, encoding="utf-8").read()
mode = sys.argv[1] if len(sys.argv) > 1 else "schedule"

if mode == "schedule":
    want = json.load(open(os.path.join(CHECKS, "expected_schedule.json")))
    got = table_rows(section(text, "Schedule"))
    if len(got) != len(want):
        verdict(False, f"{len(got)} sessions", f"{len(want)} sessions", "wrong number of class meetings in the Schedule table")
    for g, w in zip(got, want):
        if len(g) != 3 or g[0] != str(w[0]) or g[1] != w[1] or g[2] != w[2]:
            verdict(False, g, [str(w[0]), w[1], w[2]], f"session {w[0]} differs (Tue/Thu meetings, no-class days skipped, topics in order)")
    verdict(True, f"{len(got)} sessions", f"{len(want)} sessions", "schedule matches the calendar and topic list")

if mode == "grading":
    got = table_rows(section(text, "Grading"))
    parsed = []
    for g in got:
        m = re.fullmatch(r"(\d+)\s*%", g[1]) if len(g) == 2 else None
        parsed.append([g[0], int(m.group(1)) if m else g[1:]])
    if parsed != GRADING:
        verdict(False, parsed, GRADING, "grading table must list course.toml's components, in order, as N%")
    verdict(True, parsed, GRADING, "grading matches course.toml (100%)")

if mode == "kept":
    spring = open(SPRING, encoding="utf-8").read()
    for title in ("Course description", "Policies"):
        a, b = section(text, title), section(spring, title)
        if a is None or b is None or a.strip() != b.strip():
            verdict(False, f"{title} changed or missing", f"{title} word for word", f"the {title} section must be kept word for word")
    verdict(True, "kept", "kept", "approved sections unchanged")
verdict(False, mode, "schedule|grading|kept", "unknown mode")
