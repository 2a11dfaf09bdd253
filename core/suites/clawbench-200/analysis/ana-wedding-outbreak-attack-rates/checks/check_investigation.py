"""investigation.json: the analysis fields are filled in and everything else is unchanged."""
import json
import sys


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}, ensure_ascii=False))
    sys.exit(0 if passed else 1)


try:
    doc = json.load(open("investigation.json", encoding="utf-8"))
except (OSError, json.JSONDecodeError) as e:
    verdict(False, "unreadable", "valid JSON", str(e))

KEPT = {
    "id": "HCHD-OB-2024-017",
    "title": "Gastroenteritis after wedding reception, Riverside Barn",
    "setting": "private function (wedding reception)",
    "event_date": "2024-09-14",
    "reported": "2024-09-16",
    "reported_by": "GP practice, Harlow Road Surgery",
    "lead": "Tomás Reyes",
    "case_definition_version": "1.1",
    "premises": {
        "name": "Hollybank Catering Ltd",
        "registration": "HCHD/FB/0912",
        "inspection": "2024-09-17",
        "samples_taken": ["frozen raspberries (batch HB-2408-33)", "chocolate fondant mix", "burrata"],
    },
    "notify": ["UKHSA South East HPT", "FSA incidents team"],
    "next_oct_meeting": "2024-09-20",
}
SET = {"status", "cases", "attack_rate_pct", "suspected_vehicle", "lab"}
if not isinstance(doc, dict):
    verdict(False, type(doc).__name__, "object", "investigation.json must stay an object")
extra = sorted(set(doc) - set(KEPT) - SET)
missing = sorted((set(KEPT) | SET) - set(doc))
if extra or missing:
    verdict(False, {"extra": extra, "missing": missing}, "same keys", "keys were added or removed")
changed = {k: doc[k] for k, v in KEPT.items() if doc[k] != v}
if changed:
    verdict(False, changed, "unchanged", "fields outside the analysis were changed")
problems = {}
if doc["status"] != "descriptive-analysis-complete":
    problems["status"] = doc["status"]
if doc["cases"] != 30 or isinstance(doc["cases"], bool):
    problems["cases"] = doc["cases"]
if not isinstance(doc["attack_rate_pct"], (int, float)) or isinstance(doc["attack_rate_pct"], bool) \
        or abs(doc["attack_rate_pct"] - 34.5) > 1e-6:
    problems["attack_rate_pct"] = doc["attack_rate_pct"]
if doc["suspected_vehicle"] != "F08":
    problems["suspected_vehicle"] = doc["suspected_vehicle"]
lab = doc["lab"]
want_lab = {"laboratory": "UKHSA South East regional lab", "specimens_received": 8, "organism": "Norovirus GII"}
if lab != want_lab:
    problems["lab"] = lab
if problems:
    verdict(False, problems, {"status": "descriptive-analysis-complete", "cases": 30, "attack_rate_pct": 34.5,
                              "suspected_vehicle": "F08", "lab": want_lab}, "analysis fields are wrong")
verdict(True, "record updated", "record updated", "investigation.json updated, other fields kept")
