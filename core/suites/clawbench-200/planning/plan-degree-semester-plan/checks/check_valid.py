"""Cross-file: Sam's plan is feasible against the workspace catalog and preferences - each
course offered in its season, prerequisites completed (C- or better) or in an earlier term,
credits as in the catalog and within the term cap."""
import csv, json, sys
import yaml


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


GRADES = ["A", "A-", "B+", "B", "B-", "C+", "C", "C-"]
try:
    cat = yaml.safe_load(open("catalog/courses.yaml", encoding="utf-8"))["courses"]
    prefs = yaml.safe_load(open("students/sam-okoro/preferences.yaml", encoding="utf-8"))
    plan = yaml.safe_load(open("students/sam-okoro/plan.yaml", encoding="utf-8"))
    done = {r["course"] for r in csv.DictReader(open("students/sam-okoro/transcript.csv", newline="", encoding="utf-8"))
            if r["grade"].strip() in GRADES}
except Exception as e:  # noqa: BLE001
    verdict(False, str(e), "readable files", "catalog, preferences, transcript or plan missing or invalid")
earlier = set(done)
for t in plan.get("terms", []):
    season = t["term"].split()[0].lower()
    cap = (prefs.get("term_caps") or {}).get(t["term"], prefs["max_credits"])
    credits = 0
    for c in t["courses"]:
        if c not in cat:
            verdict(False, c, "a catalog course", f"{t['term']}: unknown course")
        if season not in cat[c]["offered"]:
            verdict(False, f"{c} in {t['term']}", cat[c]["offered"], "course planned in a season it is not offered")
        miss = [p for p in cat[c]["prereqs"] if p not in earlier]
        if miss:
            verdict(False, f"{c} in {t['term']}", f"{miss} earlier", "prerequisite not completed or planned in an earlier term")
        credits += cat[c]["credits"]
    if credits != t.get("credits") or credits > cap:
        verdict(False, {t["term"]: t.get("credits")}, {"sum": credits, "cap": cap}, "term credits wrong or over the cap")
    earlier |= set(t["courses"])
verdict(True, "feasible", "feasible", "plan is feasible against catalog and preferences")
