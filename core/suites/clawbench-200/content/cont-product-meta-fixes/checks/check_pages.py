"""Product pages: SEO rules met (mode rules) / nothing but the flagged fields changed (mode preserve)."""
import json
import os
import re
import sys

import yaml

MODE = sys.argv[1]
CHK = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__))
ORIG = os.path.join(CHK, "originals")
FLAGGED = {(c[0].split("/")[-1][:-3], c[1]) for c in json.load(open(os.path.join(CHK, "expected.json")))["changes"]}


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}, ensure_ascii=False))
    sys.exit(0 if passed else 1)


def load(path):
    text = open(path, encoding="utf-8").read().replace("\r\n", "\n")
    if not text.startswith("---\n") or "\n---\n" not in text[3:]:
        return None, text
    end = text.index("\n---\n", 3)
    try:
        fm = yaml.safe_load(text[4:end + 1])
    except yaml.YAMLError:
        return None, text
    return fm, text[end + 5:]


descs = {}
for name in sorted(os.listdir(ORIG)):
    slug = name[:-3]
    path = f"content/products/{name}"
    if not os.path.isfile(path):
        verdict(False, "missing", path, f"{path} was deleted or renamed")
    fm, body = load(path)
    ofm, obody = load(os.path.join(ORIG, name))
    if not isinstance(fm, dict):
        verdict(False, "no parsable front matter", path, f"{path}: front matter is missing or invalid YAML")
    if MODE == "preserve":
        if body.rstrip() != obody.rstrip():
            verdict(False, "body changed", path, f"{path}: the page body must not change")
        if list(fm) != list(ofm):
            verdict(False, list(fm), list(ofm), f"{path}: front matter keys added, removed or reordered")
        for k in ofm:
            if (slug, k) in FLAGGED:
                continue
            if fm[k] != ofm[k]:
                verdict(False, {k: fm[k]}, {k: ofm[k]}, f"{path}: {k} was not flagged and must not change")
    else:
        t, d, m = str(fm.get("title", "")), str(fm.get("meta_description") or ""), str(ofm["model"])
        if not t.endswith(" | Fellside Outdoor") or len(t) > 60 or m not in t[: -len(" | Fellside Outdoor")]:
            verdict(False, f"{t} ({len(t)})", f"'<name with {m}> | Fellside Outdoor', <= 60", f"{path}: title breaks the rules")
        if not 120 <= len(d) <= 155 or m not in d:
            verdict(False, f"{d} ({len(d)})", f"120-155 characters containing '{m}'", f"{path}: meta_description breaks the rules")
        if "!" in d or re.search(r"\b[A-Z]{4,}\b", d):
            verdict(False, d, "no ! and no shouting", f"{path}: meta_description style")
        if d in descs:
            verdict(False, d, "unique", f"{path}: meta_description duplicates {descs[d]}")
        descs[d] = path
verdict(True, MODE, MODE, "all product pages OK")
