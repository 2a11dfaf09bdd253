"""Cross-file: every index row links to an existing ADR file whose heading title, status
line and date match the row, and every ADR file is in the index."""
import glob, json, os, re, sys


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


try:
    text = open("docs/adr/README.md", encoding="utf-8").read()
except FileNotFoundError:
    verdict(False, "missing", "index", "docs/adr/README.md does not exist")
linked = set()
for line in text.splitlines():
    m = re.match(r"^\|\s*\[ADR-(\d{4})\]\(([^)]+)\)\s*\|\s*(.*?)\s*\|\s*(.*?)\s*\|\s*(.*?)\s*\|\s*$", line)
    if not m:
        continue
    num, target, title, status, date = m.groups()
    path = os.path.join("docs/adr", target)
    if not os.path.isfile(path):
        verdict(False, target, "existing file", f"ADR-{num} links to a missing file")
    adr = open(path, encoding="utf-8").read()
    head = re.search(r"^# ADR-(\d{4}): (.*?)\s*$", adr, re.M)
    st = re.search(r"^- Status: (.*?)\s*$", adr, re.M)
    dt = re.search(r"^- Date: (.*?)\s*$", adr, re.M)
    got = (head and head.groups(), st and st.group(1), dt and dt.group(1))
    if got != ((num, title), status, date):
        verdict(False, {"row": [num, title, status, date]}, {"file": got}, f"index row for ADR-{num} disagrees with {target}")
    linked.add(os.path.basename(target))
files = {os.path.basename(p) for p in glob.glob("docs/adr/[0-9][0-9][0-9][0-9]-*.md")}
if files != linked:
    verdict(False, sorted(files - linked), [], "ADR files missing from the index")
verdict(True, f"{len(linked)} rows agree", "all rows agree", "index and files agree")
