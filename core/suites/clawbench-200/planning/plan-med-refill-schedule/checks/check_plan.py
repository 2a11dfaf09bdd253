"""meds/refill-plan-2025-05.csv: every active medicine with the right run-out and order-by
dates, sorted by order_by then medication."""
import csv, json, os, sys

PATH = "meds/refill-plan-2025-05.csv"


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


def norm(row):
    out = []
    for c in row:
        c = c.strip()
        try:
            f = float(c)
            c = str(int(f)) if f.is_integer() else str(f)
        except ValueError:
            pass
        out.append(c)
    return out


want = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected.json")))["plan"]
if not os.path.isfile(PATH):
    verdict(False, "missing", f"{len(want) - 1} rows", f"{PATH} does not exist")
got = [norm(r) for r in csv.reader(open(PATH, newline="", encoding="utf-8")) if r]
want = [norm(r) for r in want]
if not got or got[0] != want[0]:
    verdict(False, got[:1], want[:1], "wrong header")
if sorted(map(tuple, got[1:])) != sorted(map(tuple, want[1:])):
    verdict(False, [r for r in got[1:] if r not in want[1:]][:4], [r for r in want[1:] if r not in got[1:]][:4],
            "rows differ (unexpected observed, missing expected)")
if got != want:
    verdict(False, [r[0] for r in got[1:]], [r[0] for r in want[1:]], "right rows, wrong order (order_by, then medication)")
verdict(True, f"{len(got) - 1} rows", f"{len(want) - 1} rows", "refill plan matches the ordering rules")
