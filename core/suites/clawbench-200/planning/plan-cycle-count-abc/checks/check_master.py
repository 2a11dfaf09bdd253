"""inventory/sku-master.csv: the malformed MRO-10000 row is repaired (description quoted,
text kept) and every other row is unchanged."""
import csv, io, json, os, sys


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


want = list(csv.reader(io.StringIO(json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected.json")))["master"])))
try:
    got = [r for r in csv.reader(open("inventory/sku-master.csv", newline="", encoding="utf-8")) if r]
except FileNotFoundError:
    verdict(False, "missing", "sku-master.csv", "inventory/sku-master.csv was removed")
bad = [r for r in got if len(r) != 6]
if bad:
    verdict(False, bad[:2], "6 fields per row", "sku-master.csv still has malformed rows")
if got != want:
    diff = [(g, w) for g, w in zip(got, want) if g != w] or [(len(got), len(want))]
    verdict(False, [d[0] for d in diff][:3], [d[1] for d in diff][:3], "master data changed beyond repairing the malformed row")
verdict(True, f"{len(got) - 1} SKUs", f"{len(want) - 1} SKUs", "master data repaired")
