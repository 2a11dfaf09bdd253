#!/usr/bin/env python3
"""l10n_check: compare every target locale with the source locale.

Usage: python3 scripts/l10n_check.py [--config l10n/config.yaml] [--out reports/l10n-gaps.csv]

Writes one CSV row per problem: locale,key,issue (see l10n/README.md for the issue types),
sorted by locale, key and issue.
"""
import argparse
import csv
import json
import os
import re
import sys

import yaml

PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
CATEGORIES = {"zero", "one", "two", "few", "many", "other"}


def is_plural(value):
    return False


def flatten(tree, prefix=""):
    out = {}
    for key, value in tree.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(flatten(value, path + "."))
        else:
            out[path] = value
    return out


def placeholders(text):
    return set(PLACEHOLDER.findall(text))


def empty(value):
    return not value.strip()


def check_locale(locale, source, target, cfg):
    ignore = set(cfg.get("ignore_keys") or [])
    same_ok = set((cfg.get("same_ok") or {}).get(locale) or [])
    wanted = set(cfg["plural_categories"][locale])
    issues = []
    for key, src in source.items():
        if key in ignore:
            continue
        tgt = target.get(key)
        if empty(tgt) or (is_plural(src) and isinstance(tgt, dict) and all(empty(v) for v in tgt.values())):
            issues.append((locale, key, "missing"))
            continue
        if is_plural(src):
            if not is_plural(tgt):
                issues.append((locale, key, "plural_forms"))
                continue
            if set(tgt) != wanted:
                issues.append((locale, key, "plural_forms"))
            want_ph = placeholders(src["other"])
            if any(isinstance(v, str) and placeholders(v) != want_ph for v in tgt.values()):
                issues.append((locale, key, "placeholder_mismatch"))
            continue
        if not isinstance(tgt, str):
            issues.append((locale, key, "missing"))
            continue
        if placeholders(tgt) != placeholders(src):
            issues.append((locale, key, "placeholder_mismatch"))
        if tgt.strip() == src.strip() and key not in same_ok:
            issues.append((locale, key, "untranslated"))
    for key in target:
        if key not in source and key not in ignore:
            issues.append((locale, key, "obsolete"))
    return issues


def main(argv=None):
    ap = argparse.ArgumentParser(description="compare target locales with the source locale")
    ap.add_argument("--config", default="l10n/config.yaml")
    ap.add_argument("--out", default="reports/l10n-gaps.csv")
    args = ap.parse_args(argv)
    with open(args.config, encoding="utf-8") as fh:
        cfg = yaml.safe_load(fh)
    base = cfg.get("locales_dir", "app/locales")
    if not os.path.isabs(base):
        base = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(args.config))), base)

    def load(locale):
        with open(os.path.join(base, f"{locale}.json"), encoding="utf-8") as fh:
            return flatten(json.load(fh))

    source = load(cfg["source_locale"])
    rows = []
    for locale in cfg["targets"]:
        rows += check_locale(locale, source, load(locale), cfg)
    rows.sort()
    os.makedirs(os.path.dirname(args.out) or ".", exist_ok=True)
    with open(args.out, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["locale", "key", "issue"])
        w.writerows(rows)
    print(f"{len(rows)} issue(s) written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
