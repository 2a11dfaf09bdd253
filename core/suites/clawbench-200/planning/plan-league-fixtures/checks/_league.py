"""Shared helpers: the league's effective data (as it must be after the on-time request)."""
import csv, datetime as dt, json, sys

TEAMS = {
    "Llandaff North Lions": ("Hailey Park", "10:00", ["2025-09-20"]),
    "Roath Rovers": ("Roath Park Recreation Ground", "10:30", ["2025-10-18"]),
    "Canton Colts": ("Maindy Park", "10:00", []),
    "Cathays Comets": ("Maindy Park", "10:00", ["2025-11-08"]),
    "Rumney Rangers": ("Rumney Recreation Ground", "11:00", ["2025-09-06", "2025-09-13"]),
    "Whitchurch Wanderers": ("Whitchurch 3G", "09:30", ["2025-10-04"]),
    "Splott Stars": ("Splott Park", "10:30", []),
}
FIRST, LAST, SKIP = dt.date(2025, 9, 6), dt.date(2025, 11, 15), {"2025-10-25", "2025-11-01"}
HDR = ["date", "kickoff", "home", "away", "venue"]
PATH = "league/fixtures-2025-autumn.csv"


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


def fixtures():
    try:
        rows = [[c.strip() for c in r] for r in csv.reader(open(PATH, newline="", encoding="utf-8")) if r]
    except FileNotFoundError:
        verdict(False, "missing", PATH, f"{PATH} does not exist")
    if not rows or rows[0] != HDR:
        verdict(False, rows[:1], HDR, "wrong header")
    out = []
    for r in rows[1:]:
        if len(r) != 5:
            verdict(False, r, HDR, "malformed row")
        out.append(dict(zip(HDR, r)))
    return out
