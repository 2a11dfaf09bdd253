"""reports/OPS-640.json's retention_days agree with the final configs: rotate x interval days."""
import importlib.util
import json
import os
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
spec = importlib.util.spec_from_file_location("lrparse", os.path.join(CHECKS, "lrparse.py"))
lrparse = importlib.util.module_from_spec(spec)
spec.loader.exec_module(lrparse)
DAYS = {"daily": 1, "weekly": 7, "monthly": 30, "yearly": 365}
try:
    rec = json.load(open("reports/OPS-640.json"))["retention_days"]
    want = {}
    for name in ("learnhub-api", "learnhub-worker", "learnhub-exports"):
        block = lrparse.parse(open(f"etc/logrotate.d/{name}").read())[0]["directives"]
        interval = next(k for k in DAYS if k in block)
        want[name] = int(block["rotate"]) * DAYS[interval]
except Exception as e:  # missing file, bad JSON, unparsable config
    print(json.dumps({"passed": False, "observed": repr(e), "expected": "record and configs", "message": "cannot compare"}))
    sys.exit(1)
ok = rec == want
print(json.dumps({"passed": ok, "observed": rec, "expected": want,
                  "message": "record matches the configs" if ok else "retention_days disagree with the configs"}))
sys.exit(0 if ok else 1)
