"""The suite has regression tests for both code bugs: with the original tariffs.py (stale
cache) put back it fails, and with the original billing.py (extras list modified) put back it
fails too."""
import json
import os
import shutil
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, CHECKS)
from _common import copy_workspace, run  # noqa: E402

results = {}
for module in ("tariffs", "billing"):
    tmp, root = copy_workspace()
    try:
        shutil.copy(os.path.join(CHECKS, f"orig_{module}.py"), os.path.join(root, "tariffcalc", f"{module}.py"))
        caught = []
        for mode in ("plain", "reverse", "seed=7"):
            rc, _ = run(root, mode)
            caught.append(rc != 0)
        results[module] = all(caught)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
ok = all(results.values())
print(json.dumps({"passed": ok, "observed": results, "expected": {"tariffs": True, "billing": True},
                  "message": "regression tests catch both bugs" if ok else "the suite does not catch every original bug in every order"}))
sys.exit(0 if ok else 1)
