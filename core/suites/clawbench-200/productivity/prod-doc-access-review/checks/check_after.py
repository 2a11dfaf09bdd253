"""drive/shares-after-review.json: the export with exactly the review's changes applied (shares
removed/downgraded, owners transferred), same structure and order, nothing else changed."""
import json
import os
import sys

PATH = "drive/shares-after-review.json"
CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}, ensure_ascii=False))
    sys.exit(0 if passed else 1)


def norm_doc(d):
    d = dict(d)
    if isinstance(d.get("owner"), str):
        d["owner"] = d["owner"].lower()
    d["shares"] = [dict(s, principal=s.get("principal", "").lower()) if isinstance(s, dict) else s for s in d.get("shares") or []]
    return d


want = json.load(open(os.path.join(CHECKS, "expected_after.json"), encoding="utf-8"))
try:
    got = json.load(open(PATH, encoding="utf-8"))
except FileNotFoundError:
    verdict(False, "missing", PATH, f"{PATH} does not exist")
except json.JSONDecodeError as e:
    verdict(False, "invalid JSON", "valid JSON", str(e))
if not isinstance(got, dict) or not isinstance(got.get("documents"), list):
    verdict(False, "wrong shape", "object with documents", "the file must keep the export's structure")
for key in want:
    if key != "documents" and got.get(key) != want[key]:
        verdict(False, {key: got.get(key)}, {key: want[key]}, f"top-level {key} changed")
if sorted(got) != sorted(want):
    verdict(False, sorted(got), sorted(want), "top-level keys differ from the export")
ids = [d.get("id") for d in got["documents"] if isinstance(d, dict)]
if ids != [d["id"] for d in want["documents"]]:
    verdict(False, ids, [d["id"] for d in want["documents"]], "all 25 documents must stay, in export order")
for g, e in zip(got["documents"], want["documents"]):
    g, e = norm_doc(g), norm_doc(e)
    if g != e:
        diff = {k: g.get(k) for k in set(g) | set(e) if g.get(k) != e.get(k)}
        verdict(False, {e["id"]: diff}, {e["id"]: {k: e.get(k) for k in diff}}, f"{e['id']} differs")
verdict(True, f"{len(ids)} documents", f"{len(ids)} documents", "post-review shares are exact")
