"""link-report.json's pages_changed is exactly the set of pages that differ from the original
wiki (the report describes what was actually done)."""
import hashlib
import json
import os
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


original = json.load(open(os.path.join(CHECKS, "original_hashes.json")))
try:
    report = json.load(open("wiki/_meta/link-report.json", encoding="utf-8"))
except FileNotFoundError:
    verdict(False, "missing", "present", "wiki/_meta/link-report.json does not exist")
except json.JSONDecodeError as e:
    verdict(False, "invalid JSON", "valid JSON", str(e))
actual = []
for page, digest in original.items():
    path = os.path.join("wiki", page)
    now = hashlib.sha256(open(path, "rb").read()).hexdigest() if os.path.isfile(path) else "missing"
    if now != digest:
        actual.append(page)
listed = report.get("pages_changed") if isinstance(report, dict) else None
if listed != sorted(actual):
    verdict(False, listed, sorted(actual), "pages_changed must list exactly the modified pages, sorted")
verdict(True, listed, sorted(actual), "report matches the wiki")
