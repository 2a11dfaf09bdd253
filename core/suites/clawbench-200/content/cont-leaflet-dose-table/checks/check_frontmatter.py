"""PIL-017's front matter records the new check and keeps its other keys."""
import json
import re
import sys

import yaml

PATH = "leaflets/PIL-017-febrelin-children.md"
EXPECTED = {"leaflet_id": "PIL-017", "title": "Febrelin for children",
            "product": "Febrelin 100 mg/5 ml oral suspension", "formulary_version": "2024-08",
            "leaflet_version": 5, "review_date": "2024-09-20", "next_review": "2026-09-20", "reading_age": 9}


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


try:
    text = open(PATH, encoding="utf-8").read()
except FileNotFoundError:
    verdict(False, "missing", PATH, f"{PATH} does not exist")
m = re.match(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", text, re.S)
if not m:
    verdict(False, "no front matter", "YAML front matter", "the leaflet lost its front matter block")
try:
    fm = yaml.safe_load(m.group(1))
except yaml.YAMLError as e:
    verdict(False, "invalid YAML", "valid YAML", f"front matter no longer parses: {e}")
fm = {k: (str(v) if hasattr(v, "isoformat") else v) for k, v in (fm or {}).items()}
if fm != EXPECTED:
    diff = {k: fm.get(k) for k in set(fm) | set(EXPECTED) if fm.get(k) != EXPECTED.get(k)}
    verdict(False, diff, {k: EXPECTED.get(k) for k in diff}, "front matter must record formulary 2024-08, version 5, review 2024-09-20, next review 2026-09-20, other keys unchanged")
verdict(True, fm["leaflet_version"], 5, "front matter updated")
