"""The audit-exception config (learnhub-exports) and the package config (nginx) are unchanged."""
import json
import os
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
ORIG = json.load(open(os.path.join(CHECKS, "expected.json")))["originals"]
bad = []
for name, text in ORIG.items():
    try:
        got = open(f"etc/logrotate.d/{name}").read()
    except FileNotFoundError:
        bad.append(f"{name} missing")
        continue
    if [l.rstrip() for l in got.strip().splitlines()] != [l.rstrip() for l in text.strip().splitlines()]:
        bad.append(f"{name} changed")
print(json.dumps({"passed": not bad, "observed": bad or "unchanged", "expected": "unchanged",
                  "message": "exception and package configs untouched" if not bad else "; ".join(bad)}))
sys.exit(1 if bad else 0)
