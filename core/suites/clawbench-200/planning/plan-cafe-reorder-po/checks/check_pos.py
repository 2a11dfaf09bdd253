"""po/2025-06-16/: exactly the POs to send, each with the right lines (sku order, packs,
prices, line totals)."""
import csv, glob, json, os, sys


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


exp = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected.json")))
HDR = ["sku", "item", "packs", "pack_size", "pack_price", "line_total"]
files = sorted(os.path.basename(p) for p in glob.glob("po/2025-06-16/PO-*.csv"))
want_files = sorted(f"PO-{s}.csv" for s in exp["pos"])
if files != want_files:
    verdict(False, files, want_files, "wrong set of purchase orders")


def norm(r):
    out = [c.strip() for c in r]
    for i in (2, 3):
        try:
            out[i] = str(int(float(out[i])))
        except (ValueError, IndexError):
            pass
    for i in (4, 5):
        try:
            out[i] = f"{float(out[i]):.2f}"
        except (ValueError, IndexError):
            pass
    return out


for sid, lines in exp["pos"].items():
    rows = [r for r in csv.reader(open(f"po/2025-06-16/PO-{sid}.csv", newline="", encoding="utf-8")) if r]
    if not rows or [c.strip() for c in rows[0]] != HDR:
        verdict(False, rows[:1], HDR, f"PO-{sid}.csv has the wrong header")
    got = [norm(r) for r in rows[1:]]
    want = [norm([str(c) for c in l]) for l in lines]
    if got != want:
        verdict(False, got, want, f"PO-{sid}.csv lines differ (sorted by sku)")
verdict(True, files, want_files, "all purchase orders right")
