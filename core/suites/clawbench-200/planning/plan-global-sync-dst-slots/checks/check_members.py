"""Cross-file: each row accounts for every member of members.yaml exactly once (attendees
+ missing names = team size), missing names are real members, sorted, and every required
member who is not on leave and not missing really can attend per the 2025 offsets."""
import csv, datetime as dt, json, sys
import yaml


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


try:
    cfg = yaml.safe_load(open("team/members.yaml", encoding="utf-8"))
    zones = yaml.safe_load(open("team/tz-offsets-2025.yaml", encoding="utf-8"))["zones"]
    rows = list(csv.DictReader(open("team/sync-slots-q4.csv", newline="", encoding="utf-8")))
except Exception as e:  # noqa: BLE001
    verdict(False, str(e), "readable files", "members, offsets or slots file missing or invalid")
members = {m["name"]: m for m in cfg["members"]}
dur = dt.timedelta(minutes=cfg["meeting"]["duration_min"])


def offset(tz, when):
    off = None
    for p in zones[tz]:
        if when >= dt.datetime.fromisoformat(p["from"].replace("Z", "+00:00")):
            off = p["offset"]
    sign = -1 if off[0] == "-" else 1
    h, m = map(int, off[1:].split(":"))
    return sign * dt.timedelta(hours=h, minutes=m)


for r in rows:
    missing = [x for x in (r.get("missing") or "").split(";") if x]
    if any(x not in members for x in missing) or missing != sorted(missing):
        verdict(False, missing, "sorted member names", f"{r.get('date')}: missing list has unknown or unsorted names")
    try:
        n = int(r["attendees"])
        start = dt.datetime.fromisoformat(f"{r['date']}T{r['utc_start']}:00+00:00")
    except (KeyError, ValueError):
        verdict(False, r, "date, utc_start, attendees", "unparseable row")
    if n + len(missing) != len(members):
        verdict(False, n + len(missing), len(members), f"{r['date']}: attendees + missing does not cover the team")
    for name, m in members.items():
        if name in missing:
            continue
        ls = start + offset(m["tz"], start)
        a, b = m["hours"].split("-")
        lo = ls.replace(hour=int(a[:2]), minute=int(a[3:]))
        hi = ls.replace(hour=int(b[:2]), minute=int(b[3:]))
        if not (lo <= ls and ls + dur <= hi):
            verdict(False, f"{name} at {ls.strftime('%H:%M')} local", m["hours"], f"{r['date']}: {name} is counted as attending outside working hours")
verdict(True, f"{len(rows)} rows consistent", "consistent", "rows agree with members and offsets")
