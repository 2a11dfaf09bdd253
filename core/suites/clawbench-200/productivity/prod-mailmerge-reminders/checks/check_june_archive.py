"""The June run (5 drafts and its manifest) was moved, unchanged, to outbox/sent/2024-06/."""
import hashlib
import json
import os
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


exp = json.load(open(os.path.join(CHECKS, "expected_outbox.json"), encoding="utf-8"))
folder = "outbox/sent/2024-06"
got = sorted(os.listdir(folder)) if os.path.isdir(folder) else []
if got != exp["june_files"]:
    verdict(False, got, exp["june_files"], f"{folder} must hold exactly the June drafts and manifest")
for f in got:
    if hashlib.sha256(open(os.path.join(folder, f), "rb").read()).hexdigest() != exp["june_sha256"][f]:
        verdict(False, f"{f} changed", "unchanged", "archived files must be moved unchanged")
for f in ("QW-1012.eml", "QW-1019.eml", "manifest.csv"):
    if not os.path.isfile(os.path.join("outbox/sent/2024-05", f)):
        verdict(False, f"outbox/sent/2024-05/{f} missing", "kept", "the May archive must stay")
verdict(True, got, exp["june_files"], "June run archived")
