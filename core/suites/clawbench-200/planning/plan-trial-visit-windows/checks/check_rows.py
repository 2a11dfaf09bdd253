"""study/visit-schedule.csv: every open visit of every active participant with the right
target, window, date and status, sorted by participant then visit."""
import csv, json, os, sys


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


want = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected.json")))["rows"]
PATH = "study/visit-schedule.csv"
if not os.path.isfile(PATH):
    verdict(False, "missing", f"{len(want) - 1} visits", f"{PATH} does not exist")
got = [[c.strip() for c in r] for r in csv.reader(open(PATH, newline="", encoding="utf-8")) if r]
if not got or got[0] != want[0]:
    verdict(False, got[:1], want[:1], "wrong header")
gk = {(r[0], r[1]): r for r in got[1:]}
wk = {(r[0], r[1]): r for r in want[1:]}
if set(gk) != set(wk):
    verdict(False, sorted(set(gk) - set(wk))[:5], sorted(set(wk) - set(gk))[:5], "wrong set of participant visits (extra observed, missing expected)")
bad = [(gk[k], wk[k]) for k in sorted(wk) if gk[k] != wk[k]]
if bad:
    verdict(False, [b[0] for b in bad][:4], [b[1] for b in bad][:4], f"{len(bad)} visit row(s) wrong")
if got != want:
    verdict(False, "unsorted", "participant, then visit", "rows not sorted by participant then visit")
verdict(True, f"{len(got) - 1} visits", f"{len(want) - 1} visits", "schedule matches the SOP")
