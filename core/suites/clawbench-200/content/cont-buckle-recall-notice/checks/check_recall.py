"""Mode table: the notice's product table rows. Mode retailers: recall/retailer-units.csv rows."""
import csv
import json
import os
import re
import sys

MODE = sys.argv[1]
E = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected.json"), encoding="utf-8"))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}, ensure_ascii=False))
    sys.exit(0 if passed else 1)


if MODE == "table":
    path = "recall/notice-public.md"
    if not os.path.isfile(path):
        verdict(False, "missing", path, f"{path} does not exist")
    rows = []
    header = None
    for ln in open(path, encoding="utf-8").read().splitlines():
        ln = ln.strip()
        if not ln.startswith("|") or re.match(r"^\|[\s:|-]+\|$", ln):
            continue
        cells = [c.strip() for c in ln.strip("|").split("|")]
        if header is None:
            header = cells
        else:
            rows.append(cells)
    want_header = ["Product", "Colour", "Barcode (GTIN)", "Batch numbers", "Sold between"]
    if header != want_header:
        verdict(False, header, want_header, "product table header differs")
    if rows != E["rows"]:
        diff = next(((g, w) for g, w in zip(rows, E["rows"]) if g != w), (rows, E["rows"]))
        verdict(False, diff[0], diff[1], "product table rows differ (batches, dates, order)")
    verdict(True, len(rows), len(E["rows"]), "product table correct")

path = "recall/retailer-units.csv"
try:
    got = [r for r in csv.reader(open(path, newline="", encoding="utf-8")) if r]
except FileNotFoundError:
    verdict(False, "missing", path, f"{path} does not exist")
want = [["retailer_id", "retailer", "recall_contact", "units"]] + [[a, b, c, str(d)] for a, b, c, d in E["retailers"]]
got = [[c.strip() for c in r] for r in got]
if got != want:
    diff = next(((g, w) for g, w in zip(got, want) if g != w), (got, want))
    verdict(False, diff[0], diff[1], "retailer list differs (net units, order, names/contacts)")
verdict(True, len(got) - 1, len(want) - 1, "retailer list correct")
