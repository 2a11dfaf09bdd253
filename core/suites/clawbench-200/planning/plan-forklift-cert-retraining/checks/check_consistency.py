"""Cross-file: every plan row marked booked / already-booked names a session for that
certificate whose booked list contains the person, on that session's date; no session
is over capacity; everyone in a booked list has a plan row for that session."""
import csv, datetime as dt, json, sys
import yaml


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


try:
    sessions = {s["id"]: s for s in yaml.safe_load(open("training/sessions.yaml", encoding="utf-8"))["sessions"]}
    rows = list(csv.DictReader(open("training/retraining-plan-2025H2.csv", newline="", encoding="utf-8")))
except Exception as e:  # noqa: BLE001
    verdict(False, str(e), "readable files", "sessions.yaml or the plan is missing or invalid")
listed = set()
for r in rows:
    if r["status"] in ("booked", "already-booked"):
        s = sessions.get(r["session_id"])
        if not s:
            verdict(False, r["session_id"], "a session id", f"{r['staff_id']} {r['cert']}: unknown session")
        d = s["date"].isoformat() if isinstance(s["date"], dt.date) else str(s["date"])
        if s["cert"] != r["cert"] or d != r["session_date"] or r["staff_id"] not in [str(x) for x in s.get("booked") or []]:
            verdict(False, r, {"session": s["id"], "date": d, "booked": s.get("booked")}, f"{r['staff_id']} {r['cert']}: plan and sessions.yaml disagree")
        listed.add((r["staff_id"], s["id"]))
    elif r["session_id"].strip() or r["session_date"].strip():
        verdict(False, r, "no session", f"{r['staff_id']} {r['cert']} is {r['status']} but names a session")
for s in sessions.values():
    people = [str(x) for x in s.get("booked") or []]
    if len(people) > s["capacity"]:
        verdict(False, {s["id"]: len(people)}, {s["id"]: s["capacity"]}, "session over capacity")
    extra = [p for p in people if (p, s["id"]) not in listed]
    if extra:
        verdict(False, {s["id"]: extra}, "a plan row for each booking", "bookings in sessions.yaml without a plan row")
verdict(True, "consistent", "consistent", "plan and sessions agree")
