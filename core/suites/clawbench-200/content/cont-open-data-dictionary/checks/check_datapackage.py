"""datapackage.json: version, last_updated and rows updated; every other key unchanged."""
import json
import os
import sys

exp = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected.json"), encoding="utf-8"))["datapackage"]


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


try:
    doc = json.load(open("datapackage.json", encoding="utf-8"))
except (OSError, ValueError) as e:
    verdict(False, "unparsable", "valid JSON", f"datapackage.json: {e}")
if doc.get("resources") != exp["resources"]:
    verdict(False, doc.get("resources"), exp["resources"], "resources: rows must match the extract, other fields unchanged")
if doc != exp:
    keys = sorted(k for k in set(doc) | set(exp) if doc.get(k) != exp.get(k))
    verdict(False, {k: doc.get(k) for k in keys}, {k: exp.get(k) for k in keys}, "top-level keys differ")
verdict(True, "ok", "ok", "datapackage.json updated")
