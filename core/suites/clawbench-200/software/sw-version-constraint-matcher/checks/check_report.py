"""reports/plugin-compat.csv is the compatibility matrix for 2.4.0-rc.2, 2.4.0 and 3.0.0 computed
with the fixed matcher, from the unchanged registry."""
import csv
import hashlib
import json
import os
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
want = list(csv.reader(open(os.path.join(CHECKS, "expected_compat.csv"), encoding="utf-8")))
try:
    reg = hashlib.sha256(open("plugins/registry.toml", "rb").read()).hexdigest()
except FileNotFoundError:
    reg = "missing"
if reg != "c9dbf0f14c6feaaed209cba017245c88de6bc1ffad575ddc8a1d030b1b0cea2c":
    print(json.dumps({"passed": False, "observed": reg[:12], "expected": "c9dbf0f14c6feaaed209cba017245c88de6bc1ffad575ddc8a1d030b1b0cea2c"[:12], "message": "plugins/registry.toml was changed"}))
    sys.exit(1)
try:
    got = [[c.strip() for c in r] for r in csv.reader(open("reports/plugin-compat.csv", encoding="utf-8", newline="")) if r]
except FileNotFoundError:
    got = []
bad = [{"got": g, "want": w} for g, w in zip(got, want) if g != w]
if len(got) != len(want):
    bad.append({"rows": len(got), "want_rows": len(want)})
ok = not bad
print(json.dumps({"passed": ok, "observed": bad[:4], "expected": [], "message": "matrix correct" if ok else "matrix differs"}))
sys.exit(0 if ok else 1)
