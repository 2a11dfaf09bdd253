"""The summary's scalar fields: period, responses, duplicates_removed, top_reason, would_return_yes_pct."""
import json
import sys


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


EXPECTED = {"period": "2024H1", "responses": 117, "duplicates_removed": 4, "top_reason": "PAY", "would_return_yes_pct": 22.3}
try:
    doc = json.load(open("reports/exit_summary_2024H1.json", encoding="utf-8"))
except (OSError, json.JSONDecodeError) as e:
    verdict(False, "unreadable", "reports/exit_summary_2024H1.json", str(e))
expected_keys = {"period", "responses", "duplicates_removed", "primary_counts", "mention_counts", "top_reason", "would_return_yes_pct"}
if not isinstance(doc, dict) or set(doc) != expected_keys:
    verdict(False, sorted(doc) if isinstance(doc, dict) else type(doc).__name__, sorted(expected_keys), "the summary must have the 2023H2 keys")
got = {k: doc.get(k) for k in EXPECTED}
bad = {k: v for k, v in got.items()
       if not (abs(v - EXPECTED[k]) < 0.051 if k == "would_return_yes_pct" and isinstance(v, (int, float)) else v == EXPECTED[k])}
if bad:
    verdict(False, bad, {k: EXPECTED[k] for k in bad}, "summary fields differ")
verdict(True, got, EXPECTED, "summary fields right")
