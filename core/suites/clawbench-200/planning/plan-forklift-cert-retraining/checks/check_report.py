"""training/report.md: the counts line matches the plan, and every unplaced certificate is
listed with the person's manager from people/staff.csv."""
import csv, json, re, sys


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


try:
    text = open("training/report.md", encoding="utf-8").read()
    rows = list(csv.DictReader(open("training/retraining-plan-2025H2.csv", newline="", encoding="utf-8")))
    staff = {r["staff_id"]: r for r in csv.DictReader(open("people/staff.csv", newline="", encoding="utf-8"))}
except Exception as e:  # noqa: BLE001
    verdict(False, str(e), "readable files", "report, plan or staff file missing")
c = {k: sum(1 for r in rows if r["status"] == k) for k in ("booked", "already-booked", "unplaced", "lapsed")}
line = f"Booked: {c['booked']}, already booked: {c['already-booked']}, unplaced: {c['unplaced']}, lapsed: {c['lapsed']}"
if not re.search(rf"^{re.escape(line)}\s*$", text, re.M):
    verdict(False, re.findall(r"^Booked:.*$", text, re.M), line, "counts line missing or disagrees with the plan")
table = {}
for l in text.splitlines():
    cells = [x.strip() for x in l.strip().strip("|").split("|")]
    if len(cells) == 5 and re.fullmatch(r"E\d+", cells[0]):
        table[(cells[0], cells[2])] = cells
want = {(r["staff_id"], r["cert"]): [r["staff_id"], r["name"], r["cert"], r["expires"], staff[r["staff_id"]]["manager"]]
        for r in rows if r["status"] == "unplaced"}
if table != want:
    verdict(False, sorted(table.values())[:4], sorted(want.values())[:4], "unplaced table differs (staff, name, cert, expires, manager)")
verdict(True, line, line, "report agrees with the plan and staff list")
