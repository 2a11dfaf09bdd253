#!/usr/bin/env python3
"""stylelint: check Markdown docs against styleguide/rules.yaml.

Usage: python3 tools/stylelint.py [--rules styleguide/rules.yaml] [--csv OUT] DOCS_DIR

Prints one line per finding (file:line: RULE severity "match") and, with --csv, writes
the findings as CSV with the columns file,line,rule,severity,match.
"""
import argparse
import csv
import os
import re
import sys

import yaml

COLUMNS = ["file", "line", "rule", "severity", "match"]


def load_rules(path):
    with open(path, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    rules = []
    for r in data["rules"]:
        flags = re.IGNORECASE if r.get("ignore_case") else 0
        rules.append({"id": r["id"], "severity": r["severity"], "scope": r.get("scope", "text"),
                      "rx": re.compile(r["pattern"], flags)})
    return rules


def lint_file(path, rules):
    findings = []
    in_code = False
    in_front_matter = False
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if n == 1 and line.strip() == "---":
                in_front_matter = True
                continue
            if in_front_matter:
                if line.strip() == "---":
                    in_front_matter = False
                continue
            if line.startswith("```"):
                in_code = not in_code
                continue
            if in_code:
                continue
            is_heading = re.match(r"#{1,6} ", line) is not None
            for r in rules:
                if r["scope"] == "heading" and not is_heading:
                    continue
                for m in r["rx"].finditer(line):
                    findings.append((n, r["id"], r["severity"], m.group(0)))
    return findings


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("docs")
    ap.add_argument("--rules", default="styleguide/rules.yaml")
    ap.add_argument("--csv")
    args = ap.parse_args(argv)
    rules = load_rules(args.rules)
    rows = []
    for root, _dirs, files in os.walk(args.docs):
        for name in files:
            if name.endswith(".md"):
                path = os.path.join(root, name)
                rel = os.path.relpath(path, args.docs)
                for n, rid, sev, match in lint_file(path, rules):
                    rows.append({"file": rel, "line": n, "rule": rid, "severity": sev, "match": match})
    rows.sort(key=lambda r: (r["file"], r["line"], r["rule"]))
    for r in rows:
        print(f'{r["file"]}:{r["line"]}: {r["rule"]} {r["severity"]} "{r["match"]}"')
    if args.csv:
        os.makedirs(os.path.dirname(args.csv) or ".", exist_ok=True)
        with open(args.csv, "w", newline="", encoding="utf-8") as fh:
            w = csv.DictWriter(fh, fieldnames=COLUMNS)
            w.writeheader()
            w.writerows(rows)
    print(f"{len(rows)} finding(s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
