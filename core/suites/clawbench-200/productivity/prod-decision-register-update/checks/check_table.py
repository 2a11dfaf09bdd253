"""DECISIONS.md's table rows agree with index.json field by field."""
import json, os, sys

def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)

try:
    idx = json.load(open("decisions/index.json", encoding="utf-8"))["decisions"]
except Exception as e:
    verdict(False, "index.json unreadable", "valid", str(e))
if not os.path.isfile("decisions/DECISIONS.md"):
    verdict(False, "missing", "DECISIONS.md", "missing")
rows = []
for line in open("decisions/DECISIONS.md", encoding="utf-8"):
    line = line.strip()
    if line.startswith("| D-"):
        rows.append([c.strip() for c in line.strip("|").split("|")])
if len(rows) != len(idx) or len(idx) < 32:
    verdict(False, f"{len(rows)} table rows", f"{len(idx)} index entries (32 expected)", "table and index differ in length or were not updated")
for r, d in zip(rows, idx):
    sup = ", ".join(d["supersedes"]) if d.get("supersedes") else "-"
    want = [d["id"], d["date"], d["title"], d["owner"], d["status"], sup]
    if r != want:
        verdict(False, r, want, f"table row {d['id']} disagrees with index.json")
verdict(True, len(rows), len(idx), "table agrees with index.json")
