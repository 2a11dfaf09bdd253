"""Cross-file: Tags.md agrees with the notes' front matter as they are now (every tagged
note under each of its tags, nothing else), templates and _meta excluded."""
import json, os, re, sys
sys.path.insert(0, os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)))
from _fm import front_matter  # noqa: E402


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


actual = {}
for root, dirs, files in os.walk("vault"):
    rel = os.path.relpath(root, "vault").split(os.sep)[0]
    if rel in ("_meta", "templates"):
        continue
    for f in files:
        if not f.endswith(".md") or (root == "vault" and f == "Tags.md"):
            continue
        try:
            meta, _ = front_matter(os.path.join(root, f))
        except Exception:  # noqa: BLE001
            continue
        tags = (meta or {}).get("tags") or []
        for t in ([tags] if isinstance(tags, str) else tags):
            actual.setdefault(str(t), set()).add(f[:-3])
try:
    text = open("vault/Tags.md", encoding="utf-8").read()
except FileNotFoundError:
    verdict(False, "missing", "vault/Tags.md", "the tag index does not exist")
index, current = {}, None
for line in text.splitlines():
    m = re.match(r"^## (\S+) \((\d+)\)\s*$", line)
    if m:
        current = m.group(1)
        index[current] = {"n": int(m.group(2)), "notes": set()}
        continue
    m = re.match(r"^- \[\[(.+)\]\]\s*$", line)
    if m and current:
        index[current]["notes"].add(m.group(1))
got = {t: sorted(v["notes"]) for t, v in index.items()}
want = {t: sorted(v) for t, v in actual.items()}
if got != want:
    diff = sorted(t for t in set(got) | set(want) if got.get(t) != want.get(t))
    verdict(False, {t: got.get(t) for t in diff[:3]}, {t: want.get(t) for t in diff[:3]}, "index disagrees with the notes' tags")
wrong_n = {t: v["n"] for t, v in index.items() if v["n"] != len(v["notes"])}
if wrong_n:
    verdict(False, wrong_n, {t: len(index[t]["notes"]) for t in wrong_n}, "section counts do not match their lists")
verdict(True, f"{len(got)} tags", f"{len(want)} tags", "index agrees with the notes")
