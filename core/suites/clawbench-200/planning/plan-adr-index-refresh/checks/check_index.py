"""docs/adr/README.md: one table row per ADR in number order with the exact status, and
the summary line with the right counts."""
import json, os, re, sys


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


exp = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected.json")))
try:
    text = open("docs/adr/README.md", encoding="utf-8").read()
except FileNotFoundError:
    verdict(False, "missing", "index", "docs/adr/README.md does not exist")


def cells(line):
    return [c.strip() for c in line.strip().strip("|").split("|")]


rows = [cells(l) for l in text.splitlines() if l.strip().startswith("| [ADR-")]
want = [cells(l) for l in exp["index_rows"] if l.startswith("| [ADR-")]
if rows != want:
    diff = [(r, w) for r, w in zip(rows, want) if r != w] or [(len(rows), len(want))]
    verdict(False, [d[0] for d in diff][:3], [d[1] for d in diff][:3], "index rows differ")
if not re.search(r"^\|\s*ADR\s*\|\s*Title\s*\|\s*Status\s*\|\s*Date\s*\|\s*$", text, re.M):
    verdict(False, "no header", "| ADR | Title | Status | Date |", "table header missing")
summaries = re.findall(r"^\d+ decisions: .*$", text, re.M)
if [s.strip() for s in summaries] != [exp["summary"]]:
    verdict(False, summaries, [exp["summary"]], "summary line wrong or repeated")
verdict(True, f"{len(rows)} rows", f"{len(want)} rows", "index complete")
