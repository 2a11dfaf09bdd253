"""Every note's front matter tags are cleaned per CONVENTIONS.md (order kept, duplicates
removed) - or, with argument `rest`, everything else in the notes is unchanged."""
import json, os, sys
sys.path.insert(0, os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)))
from _fm import front_matter  # noqa: E402


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


exp = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected.json")))
mode = sys.argv[1] if len(sys.argv) > 1 else "tags"
bad = {}
for path, want in exp["tags"].items():
    try:
        meta, body = front_matter(path)
    except FileNotFoundError:
        verdict(False, "missing", path, f"{path} was removed or renamed")
    except Exception as e:  # noqa: BLE001
        bad[path] = f"front matter invalid: {e}"
        continue
    if meta is None:
        bad[path] = "front matter missing"
        continue
    if mode == "tags":
        if meta.get("tags") != want:
            bad[path] = meta.get("tags")
    else:
        rest = {k: str(v) for k, v in meta.items() if k != "tags"}
        if rest != exp["others"][path]["meta"]:
            bad[path] = rest
        elif body.strip() != exp["others"][path]["body"].strip():
            bad[path] = "text changed"
if bad:
    first = sorted(bad)[:4]
    want = {p: (exp["tags"][p] if mode == "tags" else exp["others"][p]) for p in first}
    verdict(False, {p: bad[p] for p in first}, want, f"{len(bad)} note(s) wrong")
verdict(True, f"{len(exp['tags'])} notes", f"{len(exp['tags'])} notes", "ok")
