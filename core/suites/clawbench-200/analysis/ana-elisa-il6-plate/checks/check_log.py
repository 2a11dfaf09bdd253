"""results/plate_log.csv keeps its two rows and gains the 12 June plate, consistent with
the QC JSON and the results CSV."""
import csv
import json
import sys


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


OLD = [
    {"plate": "IL6_2024-05-15", "assay_date": "2024-05-15", "analyst": "LV", "r2": "0.9962", "accepted": "yes", "n_quantified": "37"},
    {"plate": "IL6_2024-05-29", "assay_date": "2024-05-29", "analyst": "JK", "r2": "0.9731", "accepted": "no", "n_quantified": "0"},
]
try:
    rows = list(csv.DictReader(open("results/plate_log.csv", newline="", encoding="utf-8")))
    qc = json.load(open("results/IL6_2024-06-12_qc.json", encoding="utf-8"))
    res = list(csv.DictReader(open("results/IL6_2024-06-12_results.csv", newline="", encoding="utf-8")))
except (OSError, json.JSONDecodeError) as e:
    verdict(False, "unreadable", "plate log, QC JSON and results CSV", str(e))
if [dict(r) for r in rows[:2]] != OLD:
    verdict(False, rows[:2], OLD, "the two earlier plates must stay as they are")
new = [r for r in rows[2:] if r.get("plate") == "IL6_2024-06-12"]
if len(rows) != 3 or len(new) != 1:
    verdict(False, [r.get("plate") for r in rows], ["IL6_2024-05-15", "IL6_2024-05-29", "IL6_2024-06-12"],
            "exactly one new row for IL6_2024-06-12")
new = new[0]
quantified = sum(1 for r in res if (r.get("conc_pg_ml") or "").strip())
problems = {}
if new.get("assay_date") != "2024-06-12":
    problems["assay_date"] = new.get("assay_date")
try:
    if abs(float(new.get("r2")) - float(qc.get("r2"))) > 1e-6:
        problems["r2"] = [new.get("r2"), qc.get("r2")]
except (TypeError, ValueError):
    problems["r2"] = new.get("r2")
if new.get("accepted") != ("yes" if qc.get("plate_accepted") is True else "no"):
    problems["accepted"] = [new.get("accepted"), qc.get("plate_accepted")]
if str(new.get("n_quantified")) != str(qc.get("n_quantified")) or str(quantified) != str(qc.get("n_quantified")):
    problems["n_quantified"] = {"log": new.get("n_quantified"), "qc": qc.get("n_quantified"), "csv rows with conc": quantified}
if problems:
    verdict(False, problems, "log row = QC JSON = results CSV", "the plate log row disagrees with the QC file or the results")
verdict(True, new, "consistent", "plate log row matches QC and results")
