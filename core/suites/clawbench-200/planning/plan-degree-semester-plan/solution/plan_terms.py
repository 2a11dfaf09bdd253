#!/usr/bin/env python3
"""Term-by-term degree plan for one student (see advising/PLANNING-RULES.md)."""
import argparse
import csv

import yaml

GRADES = ["A", "A-", "B+", "B", "B-", "C+", "C", "C-", "D+", "D", "D-", "F"]


def completed_courses(transcript_path, min_grade):
    done = set()
    with open(transcript_path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            grade = row["grade"].strip()
            if grade in GRADES and GRADES.index(grade) <= GRADES.index(min_grade):
                done.add(row["course"].strip())
    return done


def next_term(term):
    season, year = term.split()
    return f"Spring {int(year) + 1}" if season == "Fall" else f"Fall {year}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--catalog", default="catalog/courses.yaml")
    ap.add_argument("--program", default="program/ds-bs-requirements.yaml")
    ap.add_argument("--student", required=True, help="folder with transcript.csv and preferences.yaml")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()

    catalog = yaml.safe_load(open(args.catalog, encoding="utf-8"))["courses"]
    program = yaml.safe_load(open(args.program, encoding="utf-8"))
    prefs = yaml.safe_load(open(f"{args.student}/preferences.yaml", encoding="utf-8"))
    done = completed_courses(f"{args.student}/transcript.csv", program["min_grade_for_prereq"])

    needed = [c for c in program["required"] if c not in done]
    choose = program["electives"]["choose"] - len([c for c in program["electives"]["from"] if c in done])
    for c in prefs["elective_preferences"]:
        if choose <= 0:
            break
        if c not in done:
            needed.append(c)
            choose -= 1
    queue = list(needed)
    while queue:
        for p in catalog[queue.pop()]["prereqs"]:
            if p not in done and p not in needed:
                needed.append(p)
                queue.append(p)

    def dependents(code, seen=None):
        seen = set() if seen is None else seen
        for c in needed:
            if code in catalog[c]["prereqs"] and c not in seen:
                seen.add(c)
                dependents(c, seen)
        return seen

    priority = {c: len(dependents(c)) for c in needed}
    plan, planned, term, guard = [], set(), prefs["start_term"], 0
    while len(planned) < len(needed):
        season = term.split()[0].lower()
        cap = prefs.get("term_caps", {}).get(term, prefs["max_credits"])
        before = set(planned)
        eligible = [c for c in needed if c not in planned and season in catalog[c]["offered"]
                    and all(p in done or p in before for p in catalog[c]["prereqs"])]
        eligible.sort(key=lambda c: (-priority[c], c))
        taken, credits = [], 0
        for c in eligible:
            if credits + catalog[c]["credits"] <= cap:
                taken.append(c)
                credits += catalog[c]["credits"]
        planned.update(taken)
        if taken:
            plan.append({"term": term, "credits": credits, "courses": taken})
        term = next_term(term)
        guard += 1
        if guard > 24:
            raise SystemExit("no feasible plan within 12 years")

    out = {
        "student": prefs["student"],
        "terms": plan,
        "graduation_term": plan[-1]["term"] if plan else None,
        "total_credits": sum(t["credits"] for t in plan),
    }
    with open(args.out, "w", encoding="utf-8") as fh:
        yaml.safe_dump(out, fh, sort_keys=False)
    print(f"{len(needed)} courses over {len(plan)} terms, graduating {out['graduation_term']}")


if __name__ == "__main__":
    main()
