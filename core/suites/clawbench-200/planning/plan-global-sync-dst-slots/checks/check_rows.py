"""team/sync-slots-q4.csv: the right slot, attendee count and missing list for every
Wednesday."""
import csv, json, os, sys


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


want = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected.json")))["rows"]
PATH = "team/sync-slots-q4.csv"
if not os.path.isfile(PATH):
    verdict(False, "missing", "9 meetings", f"{PATH} does not exist")
got = [[c.strip() for c in r] for r in csv.reader(open(PATH, newline="", encoding="utf-8")) if r]
if got != want:
    diff = [(g, w) for g, w in zip(got, want) if g != w] or [(len(got), len(want))]
    verdict(False, [d[0] for d in diff][:3], [d[1] for d in diff][:3], "rows differ from SCHEDULING.md")
verdict(True, "9 meetings", "9 meetings", "all slots right")
