"""rotation/autumn-2024.yaml still parses; only labels.status and labels.count changed."""
import json
import sys

import yaml

PATH = "rotation/autumn-2024.yaml"
EXPECTED = {
    "gallery": "G4", "title": "Coastlines", "opens": "2024-10-05", "curator": "Dr Ines Calloway",
    "wall_order": ["1987.112", "2024.003", "1954.020", "2011.045", "1932.007", "2024.011", "1999.210"],
    "leaving": ["1962.044", "2003.118"],
    "labels": {"file": "interpretation/gallery4-labels.md", "status": "autumn-2024", "count": 7, "print_vendor": "Fosse Print Ltd"},
    "lighting_lux_max": 50,
}


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}, default=str))
    sys.exit(0 if passed else 1)


try:
    doc = yaml.safe_load(open(PATH, encoding="utf-8"))
except FileNotFoundError:
    verdict(False, "missing", PATH, f"{PATH} does not exist")
except yaml.YAMLError as e:
    verdict(False, "invalid YAML", "valid YAML", str(e))
if not isinstance(doc, dict):
    verdict(False, type(doc).__name__, "mapping", "not a mapping")
if doc.get("labels") != EXPECTED["labels"]:
    verdict(False, doc.get("labels"), EXPECTED["labels"], "labels must be status autumn-2024, count 7, other keys kept")
rest = {k: v for k, v in doc.items() if k != "labels"}
want = {k: v for k, v in EXPECTED.items() if k != "labels"}
if rest != want:
    verdict(False, rest, want, "keys outside labels were changed")
verdict(True, doc["labels"], EXPECTED["labels"], "plan updated")
