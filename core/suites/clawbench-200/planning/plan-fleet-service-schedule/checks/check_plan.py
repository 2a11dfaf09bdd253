"""fleet/service-plan-2025-Q3.csv: every van due by 30 Sep with the right due date, reason,
workshop day and late flag, sorted by booked date."""
import csv, json, os, sys


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


want = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected.json")))["plan"]
PATH = "fleet/service-plan-2025-Q3.csv"
if not os.path.isfile(PATH):
    verdict(False, "missing", f"{len(want) - 1} bookings", f"{PATH} does not exist")
got = [[c.strip() for c in r] for r in csv.reader(open(PATH, newline="", encoding="utf-8")) if r]
if not got or got[0] != want[0]:
    verdict(False, got[:1], want[:1], "wrong header")
if sorted(map(tuple, got[1:])) != sorted(map(tuple, want[1:])):
    verdict(False, [r for r in got[1:] if r not in want[1:]][:4], [r for r in want[1:] if r not in got[1:]][:4],
            "bookings differ (unexpected observed, missing expected)")
if got != want:
    verdict(False, [r[3] for r in got[1:]], [r[3] for r in want[1:]], "right bookings, not sorted by booked date")
verdict(True, f"{len(got) - 1} bookings", f"{len(want) - 1} bookings", "service plan matches the rules")
