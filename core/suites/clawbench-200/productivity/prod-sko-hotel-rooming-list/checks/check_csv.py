"""Rooming list / block usage rows exactly as the rules give them."""
import csv, json, os, sys

def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)

E = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", "."), "expected.json")))
which = sys.argv[1]
if which == "rooming":
    p, H = "hotel/rooming-list.csv", ["room_no", "guest_1", "guest_2", "room_type", "check_in", "check_out", "nights"]
else:
    p, H = "hotel/block-usage.csv", ["night", "contracted", "booked", "pickup_pct", "shortfall_rooms", "overflow_rooms"]
exp = E[which]
if not os.path.isfile(p):
    verdict(False, "missing", p, p + " missing")
tab = [[c.strip() for c in r] for r in csv.reader(open(p, encoding="utf-8", newline="")) if r]
if not tab or tab[0] != H:
    verdict(False, tab[:1], H, "wrong header")
rows = tab[1:]
if which == "usage":
    rows = [r[:3] + ([f"{float(r[3]):.1f}"] if len(r) > 3 and r[3].replace(".", "", 1).isdigit() else r[3:4]) + r[4:] for r in rows]
if rows == exp:
    verdict(True, len(rows), len(exp), p + " right")
miss = [r for r in exp if r not in rows]; extra = [r for r in rows if r not in exp]
verdict(False, {"unexpected": extra[:4]}, {"missing": miss[:4]}, "rows differ" if miss or extra else "rows in the wrong order")
