#!/usr/bin/env python3
"""Validate a Tracksy import CSV against the format and the mapping file.

    python3 import/validate_import.py import/tracksy-import.csv
"""
import csv
import os
import re
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
COLS = ["external_id", "title", "status", "assignee", "tags", "due_date", "checklist", "description"]


def main(path):
    with open(os.path.join(HERE, "mapping.yaml"), encoding="utf-8") as fh:
        mapping = yaml.safe_load(fh)
    statuses = list(mapping["statuses"].values())
    tags = {v for v in mapping["labels"].values() if v}
    emails = {v for v in mapping["members"].values() if v}
    prefix = mapping["settings"]["id_prefix"]
    errors = []
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    if not rows or rows[0] != COLS:
        errors.append(f"header must be {','.join(COLS)}")
        rows = [COLS]
    seen = set()
    last = -1
    for n, row in enumerate(rows[1:], start=2):
        if len(row) != len(COLS):
            errors.append(f"line {n}: {len(row)} fields, expected {len(COLS)}")
            continue
        r = dict(zip(COLS, row))
        if not re.fullmatch(re.escape(prefix) + r"\d+", r["external_id"]) or r["external_id"] in seen:
            errors.append(f"line {n}: bad or duplicate external_id {r['external_id']!r}")
        seen.add(r["external_id"])
        if r["title"] != r["title"].strip() or not r["title"]:
            errors.append(f"line {n}: title empty or padded")
        if r["status"] not in statuses:
            errors.append(f"line {n}: unknown status {r['status']!r}")
        elif statuses.index(r["status"]) < last:
            errors.append(f"line {n}: rows not ordered by status")
        else:
            last = statuses.index(r["status"])
        if r["assignee"] and r["assignee"] not in emails:
            errors.append(f"line {n}: unknown assignee {r['assignee']!r}")
        tl = r["tags"].split(";") if r["tags"] else []
        if any(x not in tags for x in tl) or tl != sorted(tl):
            errors.append(f"line {n}: tags must be known and sorted: {r['tags']!r}")
        if r["due_date"] and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["due_date"]):
            errors.append(f"line {n}: due_date must be YYYY-MM-DD")
        if r["checklist"]:
            m = re.fullmatch(r"(\d+)/(\d+)", r["checklist"])
            if not m or int(m.group(1)) > int(m.group(2)) or int(m.group(2)) == 0:
                errors.append(f"line {n}: checklist must be done/total")
    for e in errors:
        print(e)
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "tracksy-import.csv")))
