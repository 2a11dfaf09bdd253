"""Listing pages (front matter and body) match the newest CRM export and the listing rules."""
import json
import os
import sys

import yaml

EXP = os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected")
PAGES = {
    "listings/HF-1042.md": "HF-1042.md",
    "listings/HF-1049.md": "HF-1049.md",
    "listings/HF-1057.md": "HF-1057.md",
    "listings/HF-1071.md": "HF-1071.md",
    "listings/archive/HF-1063.md": "archive-HF-1063.md",
}
MODE = sys.argv[1] if len(sys.argv) > 1 else "front"


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}, ensure_ascii=False, default=str))
    sys.exit(0 if passed else 1)


def split(text):
    text = text.replace("\r\n", "\n")
    if not text.startswith("---\n"):
        return None, text
    end = text.find("\n---\n", 4)
    if end < 0:
        return None, text
    return text[4:end + 1], text[end + 5:]


def norm_body(b):
    return [ln.strip() for ln in b.splitlines() if ln.strip()]


for path, ref in PAGES.items():
    if not os.path.isfile(path):
        verdict(False, "missing", path, f"{path} does not exist")
    got_fm, got_body = split(open(path, encoding="utf-8").read())
    want_fm, want_body = split(open(os.path.join(EXP, ref), encoding="utf-8").read())
    if MODE == "front":
        if got_fm is None:
            verdict(False, "no front matter", path, f"{path} has no YAML front matter")
        try:
            g = yaml.safe_load(got_fm)
        except yaml.YAMLError as e:
            verdict(False, "invalid YAML", "valid YAML", f"{path}: front matter does not parse: {e}")
        wnt = yaml.safe_load(want_fm)
        g = {k: (str(v) if k == "sold_date" else v) for k, v in (g or {}).items()}
        if list(g.items()) != list(wnt.items()):
            verdict(False, g, wnt, f"{path}: front matter keys/values/order differ from the rules")
    else:
        if norm_body(got_body) != norm_body(want_body):
            gb, wb = norm_body(got_body), norm_body(want_body)
            diff = next(((x, y) for x, y in zip(gb, wb) if x != y), (gb[len(wb):] or None, wb[len(gb):] or None))
            verdict(False, diff[0], diff[1], f"{path}: body differs from the rules")
verdict(True, sorted(PAGES), sorted(PAGES), f"all pages match ({MODE})")
