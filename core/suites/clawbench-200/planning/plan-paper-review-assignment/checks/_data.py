"""Loads the workshop data from the workspace for the checks."""
import csv, json, sys
import yaml


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


def load():
    try:
        revs = yaml.safe_load(open("committee/reviewers.yaml", encoding="utf-8"))["reviewers"]
        aliases = yaml.safe_load(open("committee/affiliation-aliases.yaml", encoding="utf-8"))["aliases"]
        papers = list(csv.DictReader(open("submissions/papers.csv", newline="", encoding="utf-8")))
        declared = {(r["reviewer"], r["author"]) for r in csv.DictReader(open("committee/conflicts.csv", newline="", encoding="utf-8"))}
    except Exception as e:  # noqa: BLE001
        verdict(False, str(e), "readable inputs", "committee or submission files missing or invalid")
    canon = {}
    for c, vs in aliases.items():
        canon[c] = c
        for v in vs:
            canon[v] = c
    return revs, canon, papers, declared


def authors(p):
    out = []
    for a in p["authors"].split(";"):
        name, aff = a.rsplit(" (", 1)
        out.append((name.strip(), aff.rstrip(")").strip()))
    return out


def conflict(rev, paper, canon, declared):
    au = authors(paper)
    if any(n == rev["name"] for n, _ in au):
        return "author"
    if any((rev["name"], n) in declared for n, _ in au):
        return "declared"
    aff = canon.get(rev["affiliation"], rev["affiliation"])
    if any(canon.get(a, a) == aff for _, a in au):
        return "affiliation"
    return None


def assignments():
    try:
        rows = list(csv.DictReader(open("assignments/assignments.csv", newline="", encoding="utf-8")))
    except FileNotFoundError:
        verdict(False, "missing", "assignments/assignments.csv", "assignments file does not exist")
    return [(r.get("paper_id", "").strip(), r.get("reviewer", "").strip()) for r in rows]
