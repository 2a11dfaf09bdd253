"""In a scratch copy: the suite passes in discovery order, reversed, under eight shuffle seeds
and with every test run alone in a fresh interpreter; and no run leaves files behind."""
import json
import os
import re
import shutil
import sys

sys.path.insert(0, os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__))))
from _common import copy_workspace, listing, run  # noqa: E402

tmp, root = copy_workspace()
try:
    before = listing(root)
    rc, out = run(root, "list")
    ids = out.split() if rc == 0 else []
    if len(ids) < 9:
        print(json.dumps({"passed": False, "observed": len(ids), "expected": ">= 9 tests", "message": "test discovery failed or tests were removed"}))
        sys.exit(1)
    failures = []
    for mode in ["plain", "reverse"] + [f"seed={s}" for s in (1, 2, 3, 5, 8, 13, 21, 4187)] + [f"only={i}" for i in ids]:
        rc, out = run(root, mode)
        if rc != 0:
            failed = re.findall(r"^(?:FAIL|ERROR): (\w+)", out, re.M)
            failures.append({"order": mode, "failed": failed[:4]})
    left = sorted(listing(root) - before)
finally:
    shutil.rmtree(tmp, ignore_errors=True)
problems = failures[:5] + ([{"files_left": left[:5]}] if left else [])
ok = not problems
print(json.dumps({"passed": ok, "observed": problems, "expected": [], "message":
                  f"suite passes in {10 + len(ids)} orders and leaves no files" if ok else f"{len(failures)} order(s) fail, {len(left)} file(s) left"}))
sys.exit(0 if ok else 1)
