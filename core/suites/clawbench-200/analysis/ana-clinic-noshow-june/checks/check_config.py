"""config/report.json is set to June 2024, its input is the complete 1 July export (repointed
or copied), and the other keys are unchanged."""
import csv
import hashlib
import json
import os
import sys

COMPLETE = "7447559ce6665a912890c9c8f185e351df5753158f1174974b8c5dce2d6f4a44"
KEEP = {"clinic": "Harbourview Physiotherapy", "output_dir": "out", "late_cancel_hours": 24,
        "exclude_types": ["Staff meeting", "Admin block"], "no_show_fee_zar": 250}


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


try:
    cfg = json.load(open("config/report.json", encoding="utf-8"))
except FileNotFoundError:
    verdict(False, "missing", "config/report.json", "the config is gone")
except json.JSONDecodeError as e:
    verdict(False, "invalid JSON", "valid JSON", str(e))
if set(cfg) != set(KEEP) | {"month", "input"}:
    verdict(False, sorted(cfg), sorted(set(KEEP) | {"month", "input"}), "keys were added or removed")
changed = {k: cfg[k] for k in KEEP if cfg[k] != KEEP[k]}
if changed:
    verdict(False, changed, {k: KEEP[k] for k in changed}, "only month and input may change")
if cfg["month"] != "2024-06":
    verdict(False, cfg["month"], "2024-06", "month must be 2024-06")
path = cfg["input"]
if not isinstance(path, str) or not os.path.isfile(path):
    verdict(False, path, "an existing export", "input does not name an existing file")
with open(path, newline="", encoding="utf-8") as fh:
    rows = list(csv.reader(fh))
digest = hashlib.sha256("\n".join("\x1f".join(r) for r in rows).encode()).hexdigest()
if digest != COMPLETE:
    verdict(False, f"{path} ({len(rows) - 1} rows)", "the complete export of 2024-07-01 (620 rows)",
            "input is not the complete June export")
verdict(True, path, "complete June export", "config set to June on the complete export")
