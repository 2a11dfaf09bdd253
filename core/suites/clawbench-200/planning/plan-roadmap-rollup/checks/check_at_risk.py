"""The at_risk list of the rollup is exactly the expected initiatives, reasons and order."""
import json
import os
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
PATH = "roadmap/rollup-2024-07-15.json"


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


want = json.load(open(os.path.join(CHECKS, "expected.json")))["at_risk"]
try:
    doc = json.load(open(PATH, encoding="utf-8"))
except FileNotFoundError:
    verdict(False, "missing", "present", f"{PATH} does not exist")
except json.JSONDecodeError as e:
    verdict(False, "invalid JSON", "valid JSON", str(e))
got = doc.get("at_risk") if isinstance(doc, dict) else None
if not isinstance(got, list):
    verdict(False, got, want, "at_risk must be a list")
got_ids = [x.get("id") if isinstance(x, dict) else x for x in got]
want_ids = [x["id"] for x in want]
if sorted(map(str, got_ids)) != sorted(want_ids):
    missing = sorted(set(want_ids) - set(map(str, got_ids)))
    extra = sorted(set(map(str, got_ids)) - set(want_ids))
    verdict(False, {"extra": extra, "missing": missing}, want_ids, "wrong set of at-risk initiatives")
if got_ids != want_ids:
    verdict(False, got_ids, want_ids, "at-risk initiatives are not in team, then number order")
if got != want:
    bad = [(g, w) for g, w in zip(got, want) if g != w]
    verdict(False, [b[0] for b in bad], [b[1] for b in bad], "wrong team or reason (or extra keys) in at_risk entries")
verdict(True, want_ids, want_ids, "at-risk list matches ROLLUP.md")
