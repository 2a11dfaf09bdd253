"""Cross-file: the bookings respect the workshop in service-policy.yaml (listed weekdays,
not closed, one van a day, inside or after the window) and cover only active vans."""
import csv, datetime as dt, json, sys
import yaml


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


try:
    pol = yaml.safe_load(open("fleet/service-policy.yaml", encoding="utf-8"))
    rows = list(csv.DictReader(open("fleet/service-plan-2025-Q3.csv", newline="", encoding="utf-8")))
    vans = {r["reg"]: r for r in csv.DictReader(open("fleet/vehicles.csv", newline="", encoding="utf-8"))}
except Exception as e:  # noqa: BLE001
    verdict(False, str(e), "readable files", "policy, plan or vehicles file missing or invalid")
names = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
days = set(pol["workshop"]["days"])
closed = {str(d) for d in pol["workshop"]["closed"]}
start = str(pol["planning"]["window_start"])
seen = set()
for r in rows:
    try:
        b = dt.date.fromisoformat(r["booked"].strip())
    except (ValueError, KeyError):
        verdict(False, r, "YYYY-MM-DD", "booked is not a date")
    if names[b.weekday()] not in days or b.isoformat() in closed or b.isoformat() < start:
        verdict(False, r["booked"], f"a {'/'.join(sorted(days))} on or after {start}, not closed", f"{r['reg']} is booked on a day the workshop does not take vans")
    if b in seen:
        verdict(False, r["booked"], "one van a day", "two vans on the same workshop day")
    seen.add(b)
    if vans.get(r["reg"], {}).get("status") != "active":
        verdict(False, r["reg"], "active vans only", "a sold or unknown van is booked")
verdict(True, f"{len(rows)} bookings valid", "valid bookings", "bookings respect the workshop")
