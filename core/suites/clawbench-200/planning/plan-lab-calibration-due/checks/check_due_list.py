"""equipment/due-2025-03.csv is exactly the QP-07 list for 2025-03-03."""
import csv, io, json, os, sys

PATH = "equipment/due-2025-03.csv"


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


exp = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected.json")))
want = [r for r in csv.reader(io.StringIO(exp["march"])) if r]
if not os.path.isfile(PATH):
    verdict(False, "missing", f"{len(want) - 1} assets", f"{PATH} does not exist")
got = [[c.strip() for c in r] for r in csv.reader(open(PATH, newline="", encoding="utf-8")) if r]
if not got or got[0] != want[0]:
    verdict(False, got[:1], want[:1], "wrong header")
if sorted(map(tuple, got[1:])) != sorted(map(tuple, want[1:])):
    verdict(False, [r for r in got[1:] if r not in want[1:]][:5], [r for r in want[1:] if r not in got[1:]][:5],
            "rows differ (unexpected rows observed, missing rows expected)")
if got != want:
    verdict(False, [r[0] for r in got[1:]], [r[0] for r in want[1:]], "right rows, wrong order (next_due, then asset_id)")
verdict(True, f"{len(got) - 1} assets", f"{len(want) - 1} assets", "March list matches QP-07")
