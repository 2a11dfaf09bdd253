"""Alt-text backfill checks. Mode (argv[1]):
  refs  - every image reference (Markdown, <img>, figure shortcode) in the non-archived pages
          carries the expected alt text (or is left alone when unlisted)
  pages - every non-archived page equals the expected result (alt set in place, attributes
          added right after src, nothing else changed); trailing whitespace ignored
"""
import json
import os
import re
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
MD = re.compile(r'!\[([^\]]*)\]\(([^)\s]+)(?:\s+"[^"]*")?\)')
TAG = re.compile(r'(<img\b[^>]*>|\{\{<\s*figure\b[^>]*>\}\})')


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


def pages():
    out = []
    for root, _, files in os.walk("content"):
        for f in files:
            p = os.path.join(root, f).replace(os.sep, "/")
            if p.endswith(".md") and not p.startswith("content/archive/"):
                out.append(p)
    return sorted(out)


def refs(page, text):
    found = [[page, m.group(2), m.group(1)] for m in MD.finditer(text)]
    for m in TAG.finditer(text):
        s = m.group(0)
        src = re.search(r'src="([^"]*)"', s)
        alt = re.search(r'\balt="([^"]*)"', s)
        found.append([page, src.group(1) if src else None, alt.group(1) if alt else None])
    return found


mode = sys.argv[1] if len(sys.argv) > 1 else "refs"
exp_root = os.path.join(CHECKS, "expected_pages")
if mode == "refs":
    want = sorted(json.load(open(os.path.join(CHECKS, "expected_refs.json"))), key=lambda r: (r[0], r[1], r[2] or ""))
    got = []
    for p in pages():
        got += refs(p, open(p, encoding="utf-8").read())
    got = sorted(got, key=lambda r: (r[0], r[1] or "", r[2] or ""))
    if got != want:
        bad = [g for g in got if g not in want][:3]
        miss = [w for w in want if w not in got][:3]
        verdict(False, bad, miss, "image references differ from the alt-text CSV (decorative = empty alt, unlisted left alone)")
    verdict(True, f"{len(got)} references", f"{len(want)} references", "all image references carry the right alt text")

if mode == "pages":
    norm = lambda s: "\n".join(l.rstrip() for l in s.strip().splitlines())
    for p in pages():
        exp = os.path.join(exp_root, p)
        if not os.path.isfile(exp):
            continue
        if norm(open(p, encoding="utf-8").read()) != norm(open(exp, encoding="utf-8").read()):
            a = norm(open(p, encoding="utf-8").read()).splitlines()
            b = norm(open(exp, encoding="utf-8").read()).splitlines()
            i = next((k for k in range(min(len(a), len(b))) if a[k] != b[k]), min(len(a), len(b)))
            verdict(False, {p: a[i] if i < len(a) else None}, {p: b[i] if i < len(b) else None}, f"{p} differs at line {i + 1}")
    for root, _, files in os.walk(exp_root):
        for f in files:
            rel = os.path.relpath(os.path.join(root, f), exp_root).replace(os.sep, "/")
            if not os.path.isfile(rel):
                verdict(False, "missing", rel, f"{rel} is gone")
    verdict(True, "pages match", "pages match", "only alt text changed, in place")
verdict(False, mode, "refs|pages", "unknown mode")
