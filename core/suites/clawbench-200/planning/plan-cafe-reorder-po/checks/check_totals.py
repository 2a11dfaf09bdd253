"""Cross-file: summary.json totals and line counts agree with the PO files, and the grand
total is the sum of the sent POs only."""
import csv, json, os, sys


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


try:
    summary = json.load(open("po/2025-06-16/summary.json", encoding="utf-8"))
except Exception as e:  # noqa: BLE001
    verdict(False, str(e), "valid JSON", "po/2025-06-16/summary.json missing or invalid")
grand = 0.0
for sid, s in summary.get("suppliers", {}).items():
    path = f"po/2025-06-16/PO-{sid}.csv"
    if s.get("status") == "send":
        if not os.path.isfile(path):
            verdict(False, "missing", path, f"{sid} is marked send but has no PO file")
        rows = list(csv.DictReader(open(path, newline="", encoding="utf-8")))
        total = round(sum(float(r["line_total"]) for r in rows), 2)
        if abs(total - float(s.get("total", -1))) > 0.005 or len(rows) != s.get("lines"):
            verdict(False, {"summary": [s.get("lines"), s.get("total")]}, {"file": [len(rows), total]}, f"{sid}: summary disagrees with its PO file")
        grand += total
    elif os.path.isfile(path):
        verdict(False, path, "no file", f"{sid} is held but a PO file exists")
if abs(round(grand, 2) - float(summary.get("grand_total", -1))) > 0.005:
    verdict(False, summary.get("grand_total"), round(grand, 2), "grand_total is not the sum of the sent POs")
verdict(True, summary.get("grand_total"), round(grand, 2), "summary agrees with the PO files")
