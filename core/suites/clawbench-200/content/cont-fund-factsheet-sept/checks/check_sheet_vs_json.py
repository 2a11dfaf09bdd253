"""Cross-file: every number in the factsheet's performance table equals out/perf_2024-09.json."""
import json
import re
import sys


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


try:
    perf = json.load(open("out/perf_2024-09.json", encoding="utf-8"))
    text = open("factsheets/2024-09.md", encoding="utf-8").read()
except FileNotFoundError as e:
    verdict(False, "missing", e.filename, f"{e.filename} does not exist")
except json.JSONDecodeError as e:
    verdict(False, "invalid JSON", "JSON", str(e))
rows = {}
for ln in text.splitlines():
    cells = [c.strip() for c in ln.strip().strip("|").split("|")]
    if ln.strip().startswith("|") and len(cells) == 7 and cells[0] in (perf.get("classes") or {}):
        rows[cells[0]] = cells
for cls, r in (perf.get("classes") or {}).items():
    if cls not in rows:
        verdict(False, sorted(rows), sorted(perf["classes"]), f"{cls} has no row in the factsheet")
    cells = rows[cls]
    try:
        if abs(float(cells[1]) - r["nav"]) > 0.00005:
            verdict(False, {cls: cells[1]}, {cls: r["nav"]}, "NAV differs from the JSON")
    except (TypeError, ValueError):
        verdict(False, {cls: cells[1]}, {cls: r.get("nav")}, "NAV is not a number")
    for cell, key in zip(cells[2:], ("1m", "3m", "ytd", "1y", "since_launch")):
        v = r.get(key)
        if v is None:
            if cell != "n/a":
                verdict(False, {cls: {key: cell}}, {cls: {key: "n/a"}}, "a period without a figure must read n/a")
            continue
        m = re.fullmatch(r"([+-]\d+\.\d{2})%", cell)
        if not m or abs(float(m.group(1)) - v) > 0.0051:
            verdict(False, {cls: {key: cell}}, {cls: {key: v}}, "factsheet return differs from the JSON")
verdict(True, sorted(rows), sorted(perf["classes"]), "factsheet agrees with the perf JSON")
