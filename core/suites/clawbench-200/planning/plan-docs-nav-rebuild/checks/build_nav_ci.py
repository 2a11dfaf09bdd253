#!/usr/bin/env python3
"""Generate the mkdocs nav from the pages' front matter (see CONTRIBUTING.md)."""
import argparse
import pathlib
import sys

import yaml

DOCS = pathlib.Path("docs")


def front_matter(path):
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        return {}
    block = text[4:text.index("\n---\n", 4)]
    return yaml.safe_load(block) or {}


def build_nav():
    sections = yaml.safe_load((DOCS / "_sections.yaml").read_text(encoding="utf-8"))["sections"]
    groups = {s["id"]: [] for s in sections}
    for page in sorted(DOCS.rglob("*.md")):
        rel = page.relative_to(DOCS).as_posix()
        meta = front_matter(page)
        if rel == "index.md" or meta.get("draft"):
            continue
        if meta.get("section") in groups:
            groups[meta["section"]].append((meta["order"], meta["title"], rel))
    nav = [{"Home": "index.md"}]
    for s in sections:
        pages = sorted(groups[s["id"]])
        if pages:
            nav.append({s["title"]: [{title: rel} for _, title, rel in pages]})
    return nav


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--write", action="store_true", help="write the nav into mkdocs.yml")
    args = ap.parse_args()
    nav = build_nav()
    if not args.write:
        yaml.safe_dump({"nav": nav}, sys.stdout, sort_keys=False, allow_unicode=True)
        return
    conf_path = pathlib.Path("mkdocs.yml")
    conf = yaml.safe_load(conf_path.read_text(encoding="utf-8"))
    conf["nav"] = nav
    conf_path.write_text(yaml.safe_dump(conf, sort_keys=False, allow_unicode=True), encoding="utf-8")
    print(f"wrote nav with {sum(len(next(iter(g.values()))) if isinstance(next(iter(g.values())), list) else 1 for g in nav)} pages")


if __name__ == "__main__":
    main()
