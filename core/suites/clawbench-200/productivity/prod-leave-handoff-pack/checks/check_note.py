"""Cross-file: handoff-note.md's per-person sections list exactly the tickets assignments.csv gives
them (in order), its meetings section matches meetings.csv, and the counts agree."""
import csv
import json
import os
import re
import sys

PATH = "handoff/handoff-note.md"


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


exp = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected_handoff.json")))
try:
    text = open(PATH, encoding="utf-8").read()
    assign = list(csv.DictReader(open("handoff/assignments.csv", newline="", encoding="utf-8")))
    meets = list(csv.DictReader(open("handoff/meetings.csv", newline="", encoding="utf-8")))
except FileNotFoundError as e:
    verdict(False, "missing", e.filename, f"{e.filename} does not exist")
sections, cur = {}, None
for ln in text.splitlines():
    m = re.match(r"^## (.+?) \(@(\w+)\)\s*$", ln)
    if m:
        cur = m.group(2)
        sections[cur] = []
        continue
    if ln.startswith("## "):
        cur = "__" + ln[3:].strip()
        sections[cur] = []
        continue
    if cur and ln.strip().startswith("- "):
        sections[cur].append(ln.strip())
names = exp["names"]
want = {}
for a in assign:
    h = a["new_owner"].strip()
    want.setdefault(h, []).append(f"- {a['ticket_id']} {a['title']} ({a['priority']}, SLA {exp['due'].get(a['ticket_id'], '?')})")
got = {k: v for k, v in sections.items() if not k.startswith("__")}
if got != want:
    verdict(False, got, want, "per-person ticket sections do not match handoff/assignments.csv")
order = [h for h in ["marta", "kwame", "ruth", "tom", "aiko"] if h in want]
if [k for k in sections if not k.startswith("__")] != order:
    verdict(False, [k for k in sections if not k.startswith("__")], order, "sections must follow roster order")
mt = sections.get("__Meetings", [])
wm = [f"- {m['summary']} -> {names.get(m['new_organizer'].strip(), '?')}" for m in meets]
if mt != wm:
    verdict(False, mt, wm, "meetings section does not match handoff/meetings.csv")
for label, n in (("Tickets handed over", len(assign)), ("Meetings handed over", len(meets))):
    if not re.search(rf"^{label}: {n}\s*$", text, re.M):
        verdict(False, re.findall(rf"^{label}: .*$", text, re.M), f"{label}: {n}", f"'{label}' does not match the CSV")
verdict(True, {k: len(v) for k, v in got.items()}, {k: len(v) for k, v in want.items()}, "note agrees with the CSVs")
