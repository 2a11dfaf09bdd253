"""The draft's placeholder is replaced by the sentence and bullets; the rest of the draft is unchanged."""
import json, os, sys

def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)

base = os.environ.get("CLAWBENCH_CHECKS", ".")
exp = json.load(open(os.path.join(base, "expected.json")))["section"]
orig = open(os.path.join(base, "draft_original.md"), encoding="utf-8").read()
p = "newsletter/2025-02/draft.md"
if not os.path.isfile(p):
    verdict(False, "missing", p, "draft missing")
got = open(p, encoding="utf-8").read()
if "<!-- MILESTONES -->" in got:
    verdict(False, "placeholder still there", exp, "placeholder not replaced")
head, tail = orig.split("<!-- MILESTONES -->")
if not got.startswith(head) or not got.rstrip().endswith(tail.rstrip()):
    verdict(False, "other text changed", "only the placeholder replaced", "text outside the milestones section changed")
mid = got[len(head):len(got.rstrip()) - len(tail.rstrip())].strip()
mid_lines = [l.rstrip() for l in mid.splitlines() if l.strip()]
exp_lines = [l for l in exp.splitlines() if l.strip()]
verdict(mid_lines == exp_lines, mid_lines, exp_lines, "milestones section")
