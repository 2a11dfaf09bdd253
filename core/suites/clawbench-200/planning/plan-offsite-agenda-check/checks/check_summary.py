"""agenda-check.json agrees with conflicts.csv: per-type counts (every type present, zeros
included) and clean_sessions = the draft's sessions that appear in no conflict row."""
import csv
import json
import sys

TYPES = ["capacity", "duration_mismatch", "lunch_overlap", "no_projector", "outside_hours",
         "person_double_booked", "room_double_booked"]


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


try:
    doc = json.load(open("offsite/agenda-check.json", encoding="utf-8"))
    with open("offsite/conflicts.csv", newline="", encoding="utf-8") as fh:
        rows = [{k: (v or "").strip() for k, v in r.items()} for r in csv.DictReader(fh)]
    with open("offsite/agenda-draft.csv", newline="", encoding="utf-8") as fh:
        sessions = sorted({r["session"].strip() for r in csv.DictReader(fh)})
except FileNotFoundError as e:
    verdict(False, "missing", "present", f"{e.filename} does not exist")
except (json.JSONDecodeError, KeyError) as e:
    verdict(False, "unreadable", "valid files", str(e))
counts = {t: sum(1 for r in rows if r.get("type") == t) for t in TYPES}
if not isinstance(doc, dict) or doc.get("conflicts") != counts:
    verdict(False, doc.get("conflicts") if isinstance(doc, dict) else doc, counts, "conflict counts disagree with conflicts.csv")
involved = {r.get("session") for r in rows} | {r.get("other_session") for r in rows}
clean = [s for s in sessions if s not in involved]
if doc.get("clean_sessions") != clean:
    verdict(False, doc.get("clean_sessions"), clean, "clean_sessions disagrees with conflicts.csv")
if doc.get("sessions_checked") != len(sessions):
    verdict(False, doc.get("sessions_checked"), len(sessions), "sessions_checked must count the draft's sessions")
verdict(True, counts, counts, "summary consistent with the CSV")
