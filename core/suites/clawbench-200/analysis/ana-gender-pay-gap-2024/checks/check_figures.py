"""reports/gpg_2024.json: every published figure per the method."""
import json
import os
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


exp = json.load(open(os.path.join(CHECKS, "expected.json")))["out"]
try:
    got = json.load(open("reports/gpg_2024.json", encoding="utf-8"))
except (OSError, json.JSONDecodeError) as e:
    verdict(False, "unreadable", "reports/gpg_2024.json", str(e))


def flat(d, prefix=""):
    out = {}
    for k, v in d.items():
        if isinstance(v, dict):
            out.update(flat(v, f"{prefix}{k}."))
        else:
            out[prefix + k] = v
    return out


fe, fg = flat(exp), flat(got) if isinstance(got, dict) else {}
wrong = {}
for k, v in fe.items():
    g = fg.get(k)
    if isinstance(v, str):
        if g != v:
            wrong[k] = [g, v]
    elif not isinstance(g, (int, float)) or isinstance(g, bool) or abs(g - v) > (0 if isinstance(v, int) else 0.051):
        wrong[k] = [g, v]
if wrong:
    verdict(False, {k: v[0] for k, v in wrong.items()}, {k: v[1] for k, v in wrong.items()}, f"{len(wrong)} figure(s) differ from the method")
verdict(True, "all figures", "all figures", "every figure follows the method")
