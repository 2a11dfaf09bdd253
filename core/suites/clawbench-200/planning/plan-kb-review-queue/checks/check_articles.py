"""Every article's front matter parses; owners are reassigned per the policy; nothing else in any
article changed."""
import hashlib
import json
import os
import sys

import yaml


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}, default=str))
    sys.exit(0 if passed else 1)


exp = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected_articles.json")))
found = sorted(os.path.join(dp, f) for dp, _, fs in os.walk("kb/articles") for f in fs if f.endswith(".md"))
if sorted(exp["front_matter"]) != found:
    verdict(False, found, sorted(exp["front_matter"]), "articles were added, removed or moved")
for path, want in exp["front_matter"].items():
    text = open(path, encoding="utf-8").read()
    if not text.startswith("---\n") or "\n---\n" not in text[3:]:
        verdict(False, text[:80], "---\\n...\\n---", f"{path}: front matter block broken")
    head, body = text[4:].split("\n---\n", 1)
    try:
        fm = yaml.safe_load(head)
    except yaml.YAMLError as e:
        verdict(False, "unparsable", "valid YAML", f"{path}: front matter does not parse ({str(e)[:120]})")
    fm = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in (fm or {}).items()}
    if fm != want:
        diff = {k: fm.get(k) for k in set(fm) | set(want) if fm.get(k) != want.get(k)}
        verdict(False, {path: diff}, {path: {k: want.get(k) for k in diff}}, f"{path}: front matter wrong (only owners of leavers' published/draft articles change)")
    if hashlib.sha256(body.encode()).hexdigest() != exp["body_sha256"][path]:
        verdict(False, path, "unchanged body", f"{path}: article body was changed")
verdict(True, len(found), len(found), "all front matter parses, owners reassigned, bodies intact")
