"""Every filed document sits at its FILING.md path with its content unchanged, nothing filed is
left in inbox/, the superseded scan is gone, unfiled documents stay put, old filings are kept."""
import hashlib
import json
import os
import sys


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


exp = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected_filing.json"), encoding="utf-8"))


def sha(path):
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


for src, dst, digest in exp["moves"]:
    if not os.path.isfile(dst):
        verdict(False, f"missing {dst}", dst, f"inbox/{src} is not filed at the FILING.md path")
    if sha(dst) != digest:
        verdict(False, f"{dst} changed", "content as scanned", "filed documents must keep their content")
    if os.path.exists(os.path.join("inbox", src)):
        verdict(False, f"inbox/{src} still there", "moved", "documents are moved, not copied")
for name in exp["deleted"]:
    if os.path.exists(os.path.join("inbox", name)):
        verdict(False, f"inbox/{name} present", "deleted", "the earlier scan of a rescanned document must be deleted")
for name in exp["unfiled"]:
    if not os.path.isfile(os.path.join("inbox", name)):
        verdict(False, f"inbox/{name} moved or deleted", "left in inbox/", "documents that cannot be filed stay in inbox/")
for path, digest in exp["old"]:
    if not os.path.isfile(path) or sha(path) != digest:
        verdict(False, path, "unchanged", "earlier filings must stay as they are")
filed = set()
for root, _dirs, files in os.walk("projects"):
    for f in files:
        p = os.path.join(root, f).replace(os.sep, "/")
        if p not in ("projects/projects.csv", "projects/filing-index.csv"):
            filed.add(p)
want = {d for _, d, _ in exp["moves"]} | {p for p, _ in exp["old"]}
if filed != want:
    verdict(False, sorted(filed - want), sorted(want - filed), "unexpected files under projects/")
verdict(True, f"{len(exp['moves'])} filed", f"{len(exp['moves'])} filed", "inbox filed per FILING.md")
