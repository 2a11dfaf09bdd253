"""garden/sowing-calendar-2025.csv: every job on the right Saturday, in date-then-crop order."""
import csv, json, os, sys

PATH = "garden/sowing-calendar-2025.csv"


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


want = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected.json")))["calendar"]
if not os.path.isfile(PATH):
    verdict(False, "missing", f"{len(want) - 1} jobs", f"{PATH} does not exist")
with open(PATH, newline="", encoding="utf-8") as fh:
    rows = [[c.strip() for c in r] for r in csv.reader(fh) if r]
if not rows or rows[0] != want[0]:
    verdict(False, rows[:1], want[0], "wrong header")
got, exp = rows[1:], want[1:]
if sorted(map(tuple, got)) != sorted(map(tuple, exp)):
    missing = [r for r in exp if r not in got][:5]
    extra = [r for r in got if r not in exp][:5]
    verdict(False, {"unexpected": extra}, {"missing": missing}, "the set of jobs (date, action, crop, variety) differs")
if got != exp:
    verdict(False, [r[:1] + r[2:3] for r in got][:8], [r[:1] + r[2:3] for r in exp][:8], "right jobs, wrong order (date, then crop)")
verdict(True, f"{len(got)} jobs", f"{len(exp)} jobs", "calendar matches the README rules")
