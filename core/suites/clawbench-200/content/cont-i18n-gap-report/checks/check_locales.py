"""Every target locale file parses, has its obsolete values removed and is otherwise unchanged
(fr.json repaired without touching its strings)."""
import json
import os
import sys


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


want = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected_l10n.json")))["pruned"]


def leaves(tree, prefix=""):
    out = {}
    for k, v in tree.items():
        if isinstance(v, dict):
            out.update(leaves(v, f"{prefix}{k}."))
        else:
            out[f"{prefix}{k}"] = v
    return out


for loc, exp in want.items():
    path = f"app/locales/{loc}.json"
    try:
        got = json.load(open(path, encoding="utf-8"))
    except FileNotFoundError:
        verdict(False, "missing", path, f"{path} is gone")
    except json.JSONDecodeError as e:
        verdict(False, "invalid JSON", "valid JSON", f"{path} does not parse: {e}")
    if got != exp:
        g, w = leaves(got), leaves(exp)
        extra = sorted(set(g) - set(w))
        lost = sorted(set(w) - set(g))
        changed = sorted(k for k in set(g) & set(w) if g[k] != w[k])
        verdict(False, {"locale": loc, "still_there_or_added": extra, "changed": changed},
                {"locale": loc, "removed_by_mistake": lost},
                "only the obsolete values may be removed; translations stay exactly as delivered")
verdict(True, sorted(want), sorted(want), "locale files parse and are pruned")
