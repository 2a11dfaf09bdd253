"""config/cycle_count.yaml points at the 2024 classification and keeps every other key."""
import json
import sys

import yaml


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


EXPECTED = {
    "site": "BGO-1",
    "warehouse_name": "Nordvik Marine Supply Bergen",
    "classification_file": "out/abc_2024.csv",
    "classified_on": "2024-07-02",
    "counts_per_year": {"A": 12, "B": 4, "C": 1, "X": 0},
    "count_window": {"weekday": "tuesday", "start": "06:30", "end": "09:00"},
    "team": {"lead": "kjetil.aas", "counters": ["ola.berg", "maria.solheim"]},
    "tolerance": {"qty_pct": 2.0, "value_nok": 500},
}
try:
    doc = yaml.safe_load(open("config/cycle_count.yaml", encoding="utf-8"))
except FileNotFoundError:
    verdict(False, "missing", "config/cycle_count.yaml", "the config is gone")
except yaml.YAMLError as e:
    verdict(False, "unparsable", "valid YAML", f"config no longer parses: {e}")
if not isinstance(doc, dict):
    verdict(False, type(doc).__name__, "mapping", "config is not a mapping")
doc = json.loads(json.dumps(doc, default=str))
if doc != EXPECTED:
    diff = {k: doc.get(k) for k in set(doc) | set(EXPECTED) if doc.get(k) != EXPECTED.get(k)}
    verdict(False, diff, {k: EXPECTED.get(k) for k in diff},
            "only classification_file and classified_on may change")
verdict(True, doc["classification_file"], EXPECTED["classification_file"], "config repointed, rest unchanged")
