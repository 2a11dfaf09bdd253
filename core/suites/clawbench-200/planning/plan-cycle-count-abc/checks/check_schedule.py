"""counts/q3-2025-schedule.csv is exactly the placement the procedure gives."""
import csv, json, os, sys


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


want = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected.json")))["schedule"]
PATH = "counts/q3-2025-schedule.csv"
if not os.path.isfile(PATH):
    verdict(False, "missing", f"{len(want) - 1} counts", f"{PATH} does not exist")
got = [[c.strip() for c in r] for r in csv.reader(open(PATH, newline="", encoding="utf-8")) if r]
if not got or got[0] != want[0]:
    verdict(False, got[:1], want[:1], "wrong header")
if sorted(map(tuple, got[1:])) != sorted(map(tuple, want[1:])):
    verdict(False, [r for r in got[1:] if r not in want[1:]][:4], [r for r in want[1:] if r not in got[1:]][:4],
            "scheduled counts differ (unexpected observed, missing expected)")
if got != want:
    verdict(False, [r[1] for r in got[1:8]], [r[1] for r in want[1:8]], "right counts, wrong order within a day")
verdict(True, f"{len(got) - 1} counts", f"{len(want) - 1} counts", "schedule matches the procedure")
