"""governance/board-calendar-2025.csv: all six meetings with the right dates, times,
papers deadline and chair, in date order."""
import csv, json, os, sys

PATH = "governance/board-calendar-2025.csv"


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


want = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected.json")))["csv"]
if not os.path.isfile(PATH):
    verdict(False, "missing", "6 meetings", f"{PATH} does not exist")
got = [[c.strip() for c in r] for r in csv.reader(open(PATH, newline="", encoding="utf-8")) if r]
if got != want:
    bad = [(g, w) for g, w in zip(got, want) if g != w] or [(len(got), len(want))]
    verdict(False, [b[0] for b in bad][:3], [b[1] for b in bad][:3], "calendar rows differ from BOARD-CALENDAR.md")
verdict(True, "6 meetings", "6 meetings", "calendar matches")
