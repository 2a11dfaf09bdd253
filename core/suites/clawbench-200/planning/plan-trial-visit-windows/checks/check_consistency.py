"""Cross-file: the booked dates respect clinic/calendar.yaml (open weekday, not closed, at
most visits_per_day a day, inside the visit's window) and schedule-summary.json agrees
with the CSV (counts, per-month totals, full days)."""
import csv, datetime as dt, json, sys
import yaml


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


try:
    cal = yaml.safe_load(open("clinic/calendar.yaml", encoding="utf-8"))
    rows = list(csv.DictReader(open("study/visit-schedule.csv", newline="", encoding="utf-8")))
    summary = json.load(open("study/schedule-summary.json", encoding="utf-8"))
except Exception as e:  # noqa: BLE001
    verdict(False, str(e), "readable files", "calendar, schedule or summary missing or invalid")
names = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
closed = set()
for c in cal["closed"]:
    if isinstance(c, dict):
        d = c["from"]
        while d <= c["to"]:
            closed.add(d)
            d += dt.timedelta(days=1)
    else:
        closed.add(c)
load = {}
for r in rows:
    if r["status"] != "scheduled":
        if r["scheduled"].strip():
            verdict(False, r, "no date", f"{r['participant']} {r['visit']} is {r['status']} but has a date")
        continue
    d = dt.date.fromisoformat(r["scheduled"])
    if names[d.weekday()] not in cal["open_weekdays"] or d in closed:
        verdict(False, r["scheduled"], "an open clinic day", f"{r['participant']} {r['visit']} booked when the clinic is closed")
    if not (r["window_start"] <= r["scheduled"] <= r["window_end"]):
        verdict(False, r["scheduled"], [r["window_start"], r["window_end"]], f"{r['participant']} {r['visit']} booked outside its window")
    load[r["scheduled"]] = load.get(r["scheduled"], 0) + 1
over = {d: n for d, n in load.items() if n > cal["visits_per_day"]}
if over:
    verdict(False, over, f"<= {cal['visits_per_day']} a day", "clinic capacity exceeded")
counts = {s: sum(1 for r in rows if r["status"] == s) for s in ("scheduled", "missed", "no-slot")}
months = {}
for r in rows:
    if r["status"] == "scheduled":
        months[r["scheduled"][:7]] = months.get(r["scheduled"][:7], 0) + 1
full = sorted(d for d, n in load.items() if n == cal["visits_per_day"])
got = (summary.get("counts"), summary.get("by_month"), summary.get("full_days"))
if got != (counts, dict(sorted(months.items())), full):
    verdict(False, {"counts": got[0], "by_month": got[1], "full_days": got[2]},
            {"counts": counts, "by_month": dict(sorted(months.items())), "full_days": full}, "summary disagrees with the schedule")
verdict(True, "consistent", "consistent", "bookings respect the clinic calendar and the summary agrees")
