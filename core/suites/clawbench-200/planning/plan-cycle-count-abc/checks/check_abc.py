"""inventory/abc-2025-07.csv is exactly the classification of the procedure."""
import csv, io, json, os, sys


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


want = list(csv.reader(io.StringIO(json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected.json")))["abc"])))
PATH = "inventory/abc-2025-07.csv"
if not os.path.isfile(PATH):
    verdict(False, "missing", f"{len(want) - 1} SKUs", f"{PATH} does not exist")
got = [[c.strip() for c in r] for r in csv.reader(open(PATH, newline="", encoding="utf-8")) if r]
if got != want:
    diff = [(g, w) for g, w in zip(got, want) if g != w] or [(len(got), len(want))]
    verdict(False, [d[0] for d in diff][:3], [d[1] for d in diff][:3], "classification rows differ")
verdict(True, f"{len(got) - 1} SKUs", f"{len(want) - 1} SKUs", "classification matches")
